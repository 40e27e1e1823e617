package dev.flagstream.admin.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once it is older than {@code flags.session.absolute-timeout}, before the security
 * context is read from it, so the request goes on as an anonymous one. A session is created by
 * signing in and nothing else, so its age is the time since sign-in. Part of the security filter
 * chain only.
 */
final class SessionLifetime extends OncePerRequestFilter {
  private final Duration limit;
  private final Clock clock;

  SessionLifetime(Duration limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Instant created = Instant.ofEpochMilli(session.getCreationTime());
      if (Duration.between(created, clock.instant()).compareTo(limit) > 0) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }
}
