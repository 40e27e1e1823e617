package dev.flagstream.admin.sso;

import dev.flagstream.admin.account.BrowserSessions;
import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.system.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * What the provider's redirect back comes to. Vouched for and given a role: the browser gets a
 * session like a password sign-in's and goes on to {@code flags.sso.after-login-url}. Vouched for
 * but refused: 403 and no session. Not vouched for (a state or nonce that does not match, a sign-in
 * cookie missing or expired, the provider's error, a code it will not exchange): 401 and no
 * session.
 */
final class SsoLoginOutcome implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
  // OAuth error codes are lower-case words; anything else came from someone's URL and is not shown
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(SsoLoginOutcome.class);

  private final SsoSignIn signIns;
  private final BrowserSessions sessions;
  private final ProviderRegistration provider;
  private final ProviderLogout logout;
  private final ProblemWriter problems;
  private final SsoEvents events;
  private final String afterLoginUrl;

  SsoLoginOutcome(
      SsoSignIn signIns,
      BrowserSessions sessions,
      ProviderRegistration provider,
      ProviderLogout logout,
      ProblemWriter problems,
      SsoEvents events,
      String afterLoginUrl) {
    this.signIns = signIns;
    this.sessions = sessions;
    this.provider = provider;
    this.logout = logout;
    this.problems = problems;
    this.events = events;
    this.afterLoginUrl = afterLoginUrl;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    if (!(authentication.getPrincipal() instanceof OidcUser person)) {
      // the openid scope is required, so the provider's answer always holds an ID token
      throw new IllegalStateException("single sign-on without an ID token");
    }
    Caller caller;
    try {
      caller = signIns.signIn(person, request);
    } catch (SsoRefusal refusal) {
      SecurityContextHolder.getContextHolderStrategy().clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      problems.write(response, HttpStatus.FORBIDDEN, String.valueOf(refusal.getMessage()));
      return;
    }
    String providerLogout =
        logout.url(provider.registration(), person.getIdToken().getTokenValue(), request);
    sessions.start(caller, providerLogout, request, response);
    response.sendRedirect(request.getContextPath() + afterLoginUrl);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code =
        exception instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : "error";
    if (!ERROR_CODE.matcher(code).matches()) {
      code = "error";
    }
    events.failed(code, request);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flagstream\"");
    problems.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "single sign-on did not complete ("
            + code
            + "); nobody was signed in. Start again from the login page");
  }

  /** A sign-in could not start: the provider's discovery document could not be read. */
  void providerUnavailable(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    log.warn("Cannot start single sign-on: the identity provider's discovery failed", exception);
    events.failed("provider_unavailable", request);
    response.setHeader(HttpHeaders.RETRY_AFTER, "30");
    problems.write(
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "the identity provider cannot be reached now; try again later");
  }
}
