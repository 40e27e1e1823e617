package dev.flagstream.admin.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Spring Security's single-page recipe for CSRF tokens, without a token for calls that carry an
 * {@code Authorization} header. A browser gets its token as a cookie on every answer, so that a
 * page always has a current one to send back in {@code X-XSRF-TOKEN} (or masked, in a form). A call
 * with a bearer token is authenticated by that token alone and never asked for a CSRF token:
 * minting one, a random value and a {@code Set-Cookie} on every answer to automation, was 1.7 % of
 * the admin's time at 500 writes a second (docs/BENCHMARKS.md).
 */
final class CsrfTokensForBrowsers implements CsrfTokenRequestHandler {
  private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
  // With no attribute name of its own the handler asks the token for its parameter name, which
  // loads it, and loading a token a request has not got makes one and sets its cookie.
  private final XorCsrfTokenRequestAttributeHandler eager =
      new XorCsrfTokenRequestAttributeHandler();
  private final XorCsrfTokenRequestAttributeHandler lazy =
      new XorCsrfTokenRequestAttributeHandler();

  // Spring documents null as "use the token's parameter name" but does not annotate the parameter.
  @SuppressWarnings("NullAway")
  CsrfTokensForBrowsers() {
    eager.setCsrfRequestAttributeName(null);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    (request.getHeader(HttpHeaders.AUTHORIZATION) == null ? eager : lazy)
        .handle(request, response, token);
  }

  /**
   * The header carries the cookie's value as it is; a form's field carries it masked, as pages
   * render it, which keeps it from being read out of a compressed page (BREACH).
   */
  @Override
  public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    return StringUtils.hasText(request.getHeader(token.getHeaderName()))
        ? plain.resolveCsrfTokenValue(request, token)
        : eager.resolveCsrfTokenValue(request, token);
  }
}
