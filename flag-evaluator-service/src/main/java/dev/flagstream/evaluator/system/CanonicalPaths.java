package dev.flagstream.evaluator.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and before anything else looks at the request, every path that is not in
 * canonical form: percent-encoded characters, {@code ;} path parameters, empty, {@code .} or {@code
 * ..} segments, backslashes, and anything but printable ASCII. No path of the evaluator needs any
 * of these, and each is a way to make the router and a path check see different paths (as Spring
 * Security's {@code StrictHttpFirewall} also refuses them). Once a request passes, its raw path is
 * the path the router matches.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class CanonicalPaths extends OncePerRequestFilter {
  private final ProblemWriter problems;

  CanonicalPaths(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String refusal = refusal(request.getRequestURI());
    if (refusal != null) {
      problems.write(response, Problems.invalid("path", refusal).getBody());
      return;
    }
    chain.doFilter(request, response);
  }

  /** Why {@code path} is not canonical, or null when it is. */
  static @Nullable String refusal(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        return "must not be percent-encoded";
      }
      if (c == ';') {
        return "must not carry ';' parameters";
      }
      if (c == '\\') {
        return "must not contain backslashes";
      }
      if (c < 0x21 || c > 0x7e) {
        return "must be printable ASCII";
      }
    }
    if (!path.startsWith("/") || path.contains("//")) {
      return "must not have empty segments";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return "must not have '.' or '..' segments";
      }
    }
    return null;
  }
}
