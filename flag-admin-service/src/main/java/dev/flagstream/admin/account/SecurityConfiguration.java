package dev.flagstream.admin.account;

import dev.flagstream.admin.session.SessionPolicy;
import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.ProblemWriter;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may call what. Reads of flags and the audit log need VIEWER, flag writes EDITOR, users and
 * everything else ADMIN; metrics also a metrics key. Cookie sessions must send the CSRF token with
 * writes; bearer tokens, which a browser never attaches on its own, need not. Refusals are logged
 * as security events.
 */
@Configuration
class SecurityConfiguration {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      TokenRepository tokens,
      TokenUses uses,
      ServiceKeys keys,
      ProblemWriter problems,
      SecurityEvents events,
      SessionPolicy sessionPolicy,
      Sessions sessions,
      SecurityContextRepository contexts)
      throws Exception {
    CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfCookies.setCookieCustomizer(cookie -> cookie.secure(sessionPolicy.secureCookies()));
    http.securityContext(context -> context.securityContextRepository(contexts))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfCookies)
                    .csrfTokenRequestHandler(new CsrfTokensForBrowsers())
                    // Only a browser session can be ridden by a forged request: anonymous calls
                    // and bearer tokens, which browsers never attach on their own, need no token.
                    .requireCsrfProtectionMatcher(
                        request ->
                            !SAFE_METHODS.contains(request.getMethod())
                                && request.getRequestedSessionId() != null
                                && request.getHeader(HttpHeaders.AUTHORIZATION) == null)
                    .ignoringRequestMatchers("/api/auth/login", "/api/auth/login/2fa"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/health", "/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/login/2fa")
                    .permitAll()
                    // A user who must enrol a second factor may do that and sign out, nothing else.
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/auth/2fa/setup",
                        "/api/auth/2fa/verify",
                        "/api/auth/logout")
                    .hasAnyAuthority(Role.VIEWER.authority(), SecondFactor.ENROLMENT_AUTHORITY)
                    .requestMatchers(HttpMethod.GET, "/api/auth/csrf")
                    .permitAll()
                    .requestMatchers("/api/auth/**")
                    .hasRole(Role.VIEWER.name())
                    .requestMatchers(HttpMethod.GET, "/api/flags/snapshot")
                    .hasAnyRole(ApiTokenFilter.SERVER_ROLE, Role.VIEWER.name())
                    .requestMatchers(HttpMethod.GET, "/prometheus", "/metrics", "/metrics/**")
                    .hasAnyRole(ApiTokenFilter.METRICS_ROLE, Role.ADMIN.name())
                    .requestMatchers(HttpMethod.GET, "/api/admin/flags", "/api/admin/flags/**")
                    .hasRole(Role.VIEWER.name())
                    .requestMatchers(HttpMethod.GET, "/api/admin/audit")
                    .hasRole(Role.VIEWER.name())
                    .requestMatchers(HttpMethod.GET, "/api/admin/flag-transfer")
                    .hasRole(Role.VIEWER.name())
                    .requestMatchers("/api/admin/flags", "/api/admin/flags/**")
                    .hasRole(Role.EDITOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/admin/flag-transfer")
                    .hasRole(Role.EDITOR.name())
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()))
        .addFilterBefore(sessions.lifetime(), SecurityContextHolderFilter.class)
        .addFilterBefore(
            new ApiTokenFilter(tokens, uses, keys, problems, events),
            AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          response.setHeader(
                              HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flagstream\"");
                          problems.write(
                              response,
                              HttpStatus.UNAUTHORIZED,
                              "sign in or send an API token as Authorization: Bearer <token>");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          boolean csrf = e instanceof CsrfException;
                          events.caller(
                              csrf
                                  ? SecurityEvents.Event.CSRF_REFUSED
                                  : SecurityEvents.Event.ACCESS_DENIED,
                              principal(),
                              request);
                          problems.write(
                              response,
                              HttpStatus.FORBIDDEN,
                              csrf
                                  ? "a signed-in browser must send the X-XSRF-TOKEN header"
                                      + " with the value of the XSRF-TOKEN cookie"
                                  : "your role may not do this");
                        }))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /** Password hashes allowed at once: {@code flags.login.max-concurrent-hashes}, or derived. */
  @Bean
  HashPermits hashPermits(LoginProperties login) {
    return login.maxConcurrentHashes() > 0
        ? new HashPermits(login.maxConcurrentHashes())
        : HashPermits.sizedFor(Runtime.getRuntime());
  }

  /**
   * Spring Security's filters unobserved: every event of every filter went through Micrometer's
   * handlers on every request, 6.6 % of the admin's time at 500 writes a second
   * (docs/BENCHMARKS.md), for meters nobody reads. Requests are still timed whole ({@code
   * http.server.requests}) and refusals logged as security events.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Sessions are made by signing in and nowhere else; a token request never gets one. */
  @Bean
  SecurityContextRepository securityContextRepository() {
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    sessions.setAllowSessionCreation(false);
    return sessions;
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(Role.ADMIN.name())
        .implies(Role.EDITOR.name())
        .role(Role.EDITOR.name())
        .implies(Role.VIEWER.name())
        .build();
  }

  private static String principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }
}
