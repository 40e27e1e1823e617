package dev.flagstream.admin.console;

import jakarta.servlet.http.HttpServletRequest;

/** The request and response headers of htmx that the console uses. */
final class Htmx {
  /** Sent by htmx with every request it makes. */
  static final String REQUEST = "HX-Request";

  /** Tells htmx to navigate to another page instead of swapping the answer in. */
  static final String REDIRECT = "HX-Redirect";

  /** Tells htmx to swap the answer into another element than the one the request named. */
  static final String RETARGET = "HX-Retarget";

  private Htmx() {}

  /** Whether htmx made the request, which then wants a fragment rather than a whole page. */
  static boolean requested(HttpServletRequest request) {
    return request.getHeader(REQUEST) != null;
  }
}
