package dev.flagstream.admin.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where to go after signing in. Only a path of this service is followed, so a crafted link cannot
 * use the login page to send someone to another site (an open redirect).
 */
final class Destinations {
  private static final String HOME = "/flags";

  private Destinations() {}

  /** The page a request asked for, as a path and query of this service. */
  static String of(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /**
   * {@code next} when it is a path of this service, else the dashboard: it must start with one
   * slash, not two (a host), nor a backslash, which browsers read as a slash, and hold no control
   * character.
   */
  static String safe(@Nullable String next) {
    if (next == null || next.isEmpty() || next.charAt(0) != '/') {
      return HOME;
    }
    if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
      return HOME;
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return HOME;
      }
    }
    return next;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
