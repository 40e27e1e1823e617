package dev.flagstream.admin.session;

import dev.flagstream.admin.system.RequestOrigin;
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
 * Ends a session once it has been idle too long or is older than {@code
 * flags.session.absolute-timeout}, by the service's clock, before the security context is read from
 * it, so the request goes on as an anonymous one; otherwise notes the request as the session's
 * latest. Spring Session ends idle sessions too, by the system clock; this keeps both limits on the
 * one clock that tests can move. Part of the security filter chain only.
 */
final class SessionLifetime extends OncePerRequestFilter {
  private final Duration absolute;
  private final Clock clock;

  SessionLifetime(Duration absolute, Clock clock) {
    this.absolute = absolute;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Instant now = clock.instant();
      if (timesOf(session, request, now).endedBy(now)) {
        session.invalidate();
      } else {
        session.setAttribute(SessionDetails.LAST_SEEN, now);
      }
    }
    chain.doFilter(request, response);
  }

  private SessionTimes timesOf(HttpSession session, HttpServletRequest request, Instant now) {
    SessionDetails details = (SessionDetails) session.getAttribute(SessionDetails.ATTRIBUTE);
    if (details == null) {
      // started before sessions recorded their details: its age is all that is known
      details =
          SessionDetails.startingAt(
              Instant.ofEpochMilli(session.getCreationTime()), RequestOrigin.of(request));
      session.setAttribute(SessionDetails.ATTRIBUTE, details);
    }
    Instant lastSeen =
        session.getAttribute(SessionDetails.LAST_SEEN) instanceof Instant seen ? seen : now;
    return new SessionTimes(
        details.signedInAt(),
        lastSeen,
        Duration.ofSeconds(session.getMaxInactiveInterval()),
        absolute);
  }
}
