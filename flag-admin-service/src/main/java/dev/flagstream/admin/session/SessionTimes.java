package dev.flagstream.admin.session;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session ends: its idle time after its latest request, or its absolute timeout after
 * signing in, whichever comes first. A session is still valid at that very instant and ended after
 * it. An idle time of zero or less means none, as in the servlet specification.
 */
record SessionTimes(Instant signedInAt, Instant lastSeenAt, Duration idle, Duration absolute) {

  /** The last instant the session is valid. */
  Instant expiresAt() {
    Instant absoluteEnd = signedInAt.plus(absolute);
    if (idle.isNegative() || idle.isZero()) {
      return absoluteEnd;
    }
    Instant idleEnd = lastSeenAt.plus(idle);
    return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
  }

  /** Whether the session has ended by {@code now}. */
  boolean endedBy(Instant now) {
    return now.isAfter(expiresAt());
  }
}
