package dev.flagstream.admin.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends someone who is not signed in to the login page, which brings them back to the page they
 * asked for: a link from a chat or an email lands where it points once they have signed in. An htmx
 * request is told to navigate there, as a swapped-in login page would make no sense.
 */
final class SignInFirst implements AuthenticationEntryPoint {
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String login = request.getContextPath() + "/login";
    if ("GET".equals(request.getMethod()) && request.getHeader(Htmx.REQUEST) == null) {
      String asked = Destinations.of(request);
      if (!asked.equals("/")) {
        login += "?next=" + Destinations.encode(asked);
      }
      response.sendRedirect(login);
      return;
    }
    if (request.getHeader(Htmx.REQUEST) != null) {
      response.setHeader(Htmx.REDIRECT, login);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(login);
  }
}
