package dev.flagstream.admin.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused action: a role that may not do it, or a write without the page's CSRF token (a forged
 * form, or a page left open past its session). Answers 403 with a short page saying which, and
 * changes nothing.
 */
final class Refused implements AccessDeniedHandler {
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String reason =
        e instanceof CsrfException
            ? "This form is out of date or did not come from this console. Reload the page and try"
                + " again."
            : "Your role may not do this.";
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused ·"
                + " Flagstream</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath()
                + "/console/console.css\"></head><body><main id=\"main\" class=\"narrow\">"
                + "<h1>Refused</h1><p role=\"alert\">"
                + reason
                + "</p><p><a href=\""
                + request.getContextPath()
                + "/flags\">Back to the flags</a></p></main></body></html>");
  }
}
