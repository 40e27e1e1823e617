package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.account.SecondFactor;
import dev.flagstream.admin.session.SessionPolicy;
import dev.flagstream.admin.session.Sessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's pages in a security filter chain of their own, ahead of the API's: the same
 * sessions, session lifetime and CSRF cookie as the API, and the same role for each kind of action
 * (reading needs VIEWER, changing flags EDITOR, the rest ADMIN), but sign-in redirects to the login
 * page instead of answering 401, every write needs the CSRF token (pages never use bearer tokens),
 * and the pages carry a strict Content-Security-Policy. The API's chain is left as it is.
 */
@Configuration
class ConsoleSecurity {
  /** After single sign-on's chain, before the API's, which has no order and so comes last. */
  static final int ORDER = 20;

  /**
   * Scripts, styles and fonts from this service only; no inline script or style, no plugins, no
   * framing. {@code data:} images are the two-factor QR code.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  /** Every path the console serves; the rest belongs to the API, health and metrics. */
  static final String[] PATHS = {
    "/",
    "/login",
    "/login/2fa",
    "/logout",
    "/live",
    "/flags",
    "/flags/**",
    "/audit",
    "/audit/**",
    "/settings",
    "/settings/**",
    "/transfer",
    "/transfer/**",
    "/console/**",
    "/webjars/**",
    // the Inter typeface, from its package's META-INF/resources (see console.css)
    "/_static/inter/**"
  };

  @Bean
  @Order(ORDER)
  SecurityFilterChain console(
      HttpSecurity http,
      SessionPolicy sessionPolicy,
      Sessions sessions,
      SecurityContextRepository contexts)
      throws Exception {
    CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfCookies.setCookieCustomizer(cookie -> cookie.secure(sessionPolicy.secureCookies()));
    String viewer = Role.VIEWER.name();
    http.securityMatcher(matcher())
        .securityContext(context -> context.securityContextRepository(contexts))
        // Forms send the token as _csrf, htmx as the X-XSRF-TOKEN header; every write needs it,
        // signing in included, so no one can sign a browser into another account either.
        .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfCookies))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET, "/login", "/console/**", "/webjars/**", "/_static/inter/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/login", "/logout")
                    .permitAll()
                    // the second step checks for itself that a sign-in awaits it in the session
                    .requestMatchers("/login/2fa")
                    .permitAll()
                    .requestMatchers("/settings/two-factor", "/settings/two-factor/**")
                    .hasAnyAuthority(Role.VIEWER.authority(), SecondFactor.ENROLMENT_AUTHORITY)
                    .requestMatchers(
                        HttpMethod.GET, "/", "/live", "/flags", "/flags/**", "/audit/**")
                    .hasRole(viewer)
                    .requestMatchers(HttpMethod.GET, "/audit", "/settings", "/transfer/**")
                    .hasRole(viewer)
                    .requestMatchers(HttpMethod.POST, "/flags", "/flags/**", "/transfer/**")
                    .hasRole(Role.EDITOR.name())
                    .requestMatchers("/settings/tokens/**", "/settings/sessions/**")
                    .hasRole(viewer)
                    .requestMatchers("/settings/password")
                    .hasRole(viewer)
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()))
        .addFilterBefore(sessions.lifetime(), SecurityContextHolderFilter.class)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(new SignInFirst())
                    .accessDeniedHandler(new Refused()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  static RequestMatcher matcher() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        java.util.Arrays.stream(PATHS).<RequestMatcher>map(paths::matcher).toList());
  }
}
