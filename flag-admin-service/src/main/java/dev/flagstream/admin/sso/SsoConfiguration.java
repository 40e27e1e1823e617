package dev.flagstream.admin.sso;

import dev.flagstream.admin.account.BrowserSessions;
import dev.flagstream.admin.system.ProblemWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on's paths, in a security filter chain of their own that comes before the API's: the
 * public list of sign-in methods, and, when configured, the start of a sign-in, the provider's
 * redirect back and the refusal of password sign-in. Everything else is the API chain's.
 */
@Configuration
class SsoConfiguration {
  /** Ahead of the API's chain, which has no order and so comes last. */
  static final int ORDER = 10;

  @Bean
  @Order(ORDER)
  SecurityFilterChain singleSignOn(
      HttpSecurity http,
      SsoProperties settings,
      SsoSignIn signIns,
      BrowserSessions sessions,
      SecurityContextRepository contexts,
      ProblemWriter problems,
      SsoEvents events,
      JsonMapper json,
      Clock clock)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<RequestMatcher> owned = new ArrayList<>();
    owned.add(paths.matcher(HttpMethod.GET, ProvidersController.PATH));
    // Only GETs answered without a session, and a blanket refusal: nothing here for a forged
    // request to ride on. The redirect back is bound to the browser by the signed state cookie.
    http.csrf(csrf -> csrf.disable())
        .securityContext(context -> context.securityContextRepository(contexts))
        .sessionManagement(session -> session.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    if (!settings.passwordLogin()) {
      RequestMatcher passwordSignIn = paths.matcher(HttpMethod.POST, "/api/auth/login");
      owned.add(passwordSignIn);
      http.addFilterBefore(
          new PasswordSignInOff(passwordSignIn, problems, settings.displayName()),
          SecurityContextHolderFilter.class);
    }
    if (settings.enabled()) {
      owned.add(paths.matcher(HttpMethod.GET, settings.loginPath()));
      owned.add(paths.matcher(HttpMethod.GET, settings.redirectPath()));
      oauth2Login(http, settings, signIns, sessions, problems, events, json, clock);
    }
    return http.securityMatcher(new OrRequestMatcher(owned)).build();
  }

  private static void oauth2Login(
      HttpSecurity http,
      SsoProperties settings,
      SsoSignIn signIns,
      BrowserSessions sessions,
      ProblemWriter problems,
      SsoEvents events,
      JsonMapper json,
      Clock clock)
      throws Exception {
    ProviderRegistration provider = new ProviderRegistration(settings);
    AuthorizationRequestCookie requests =
        new AuthorizationRequestCookie(
            new SignedAuthorizationRequest(
                SsoProperties.required(settings.clientSecret()), json, clock),
            sessions.secureCookies());
    SsoLoginOutcome outcome =
        new SsoLoginOutcome(
            signIns,
            sessions,
            provider,
            new ProviderLogout(settings.postLogoutRedirectUri()),
            problems,
            events,
            settings.afterLoginUrl());
    // Spring checks the state against the cookie's request, the nonce in the ID token, and sends
    // the PKCE verifier with the code; none of it is turned off here.
    http.oauth2Login(
        login ->
            login
                .clientRegistrationRepository(provider)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(start -> start.authorizationRequestRepository(requests))
                .redirectionEndpoint(back -> back.baseUri(settings.redirectPath()))
                .successHandler(outcome)
                .failureHandler(outcome)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                      @Override
                      public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(
                          O filter) {
                        filter.setAuthenticationFailureHandler(outcome::providerUnavailable);
                        return filter;
                      }
                    }));
  }
}
