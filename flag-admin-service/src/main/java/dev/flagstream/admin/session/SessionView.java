package dev.flagstream.admin.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A session as its user, or an admin, sees it.
 *
 * @param id the session's handle, not its cookie: safe to show, no use to anyone who sees it
 * @param createdAt when its user signed in
 * @param lastSeenAt when it made its latest request
 * @param expiresAt when it ends unless used again: idle or absolute timeout, whichever is first
 * @param clientAddress where the sign-in came from
 * @param userAgent the browser that signed in, as it called itself; null if it did not
 * @param current whether it is the session of the request asking
 */
public record SessionView(
    String id,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt,
    String clientAddress,
    @Nullable String userAgent,
    boolean current) {

  static SessionView of(UserSessions.Live session, @Nullable String currentId) {
    SessionDetails details = session.details();
    return new SessionView(
        details.handle(),
        details.signedInAt(),
        session.times().lastSeenAt(),
        session.times().expiresAt(),
        details.clientAddress(),
        details.userAgent(),
        session.id().equals(currentId));
  }
}
