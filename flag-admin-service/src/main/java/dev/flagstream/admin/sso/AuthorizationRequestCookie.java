package dev.flagstream.admin.sso;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Keeps the authorization request of a sign-in under way in a cookie of its own rather than in a
 * session: no session, and no row, exists before someone has signed in. This cookie is {@code
 * SameSite=Lax}, which browsers send with the provider's redirect back, a navigation from another
 * site, and {@code HttpOnly}, signed and short-lived. One sign-in at a time per browser: a second
 * one started meanwhile replaces the first.
 */
final class AuthorizationRequestCookie
    implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
  static final String NAME = "FLAGSTREAM_SSO";

  private final SignedAuthorizationRequest signed;
  private final boolean secure;

  AuthorizationRequestCookie(SignedAuthorizationRequest signed, boolean secure) {
    this.signed = signed;
    this.secure = secure;
  }

  /** The cookie's name: with the {@code __Host-} prefix when cookies are {@code Secure}. */
  String name() {
    return secure ? "__Host-" + NAME : NAME;
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    String state = request.getParameter(OAuth2ParameterNames.STATE);
    String value = value(request);
    if (state == null || value == null) {
      return null;
    }
    return signed.decode(value).filter(saved -> state.equals(saved.getState())).orElse(null);
  }

  @Override
  public void saveAuthorizationRequest(
      @Nullable OAuth2AuthorizationRequest authorizationRequest,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorizationRequest == null) {
      write(response, "", Duration.ZERO);
    } else {
      write(response, signed.encode(authorizationRequest), SignedAuthorizationRequest.LIFETIME);
    }
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
    if (value(request) != null) {
      write(response, "", Duration.ZERO); // used once, whatever it held
    }
    return found;
  }

  private @Nullable String value(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private void write(HttpServletResponse response, String value, Duration maxAge) {
    ResponseCookie cookie =
        ResponseCookie.from(name(), value)
            .path("/")
            .httpOnly(true)
            .secure(secure)
            .sameSite("Lax")
            .maxAge(maxAge)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
