package dev.flagstream.evaluator.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Content-Type-Options: nosniff} on every response: bodies echo the caller's input (a user
 * id), and a browser must never read them as anything but what they say they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SecurityHeaders extends OncePerRequestFilter {
  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
  static final String NOSNIFF = "nosniff";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
