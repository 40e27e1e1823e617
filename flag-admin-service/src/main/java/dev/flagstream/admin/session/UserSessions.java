package dev.flagstream.admin.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of one user, read from and ended in the session store that every replica shares: an
 * ended session is gone for all of them at once, since each reads the store on every request.
 * Sessions are indexed by their user's id.
 */
@Component
final class UserSessions {
  private final FindByIndexNameSessionRepository<? extends Session> store;
  private final SessionPolicy policy;
  private final Clock clock;

  UserSessions(
      FindByIndexNameSessionRepository<? extends Session> store,
      SessionPolicy policy,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * One session still valid.
   *
   * @param id the session id: the cookie's value, never shown
   */
  record Live(String id, SessionDetails details, SessionTimes times) {}

  /** The user's valid sessions, latest sign-in first; sessions past their time are left out. */
  List<Live> of(UUID userId) {
    Instant now = clock.instant();
    return store.findByPrincipalName(userId.toString()).values().stream()
        .map(this::live)
        .filter(Objects::nonNull)
        .filter(session -> !session.times().endedBy(now))
        .sorted(Comparator.comparing((Live session) -> session.details().signedInAt()).reversed())
        .toList();
  }

  /** The user's valid session with that handle. */
  Optional<Live> find(UUID userId, String handle) {
    return of(userId).stream().filter(s -> s.details().handle().equals(handle)).findFirst();
  }

  /** Ends the session with that id. */
  void end(String sessionId) {
    store.deleteById(sessionId);
  }

  /**
   * Ends every session of the user but the one with id {@code keep}, if given, and returns how many
   * valid ones it ended.
   */
  int endAllBut(UUID userId, @Nullable String keep) {
    Instant now = clock.instant();
    int ended = 0;
    for (Session session : List.copyOf(store.findByPrincipalName(userId.toString()).values())) {
      if (session.getId().equals(keep)) {
        continue;
      }
      Live live = live(session);
      if (live != null && !live.times().endedBy(now)) {
        ended++;
      }
      store.deleteById(session.getId()); // past their time or not, they go
    }
    return ended;
  }

  private @Nullable Live live(Session session) {
    SessionDetails details = session.getAttribute(SessionDetails.ATTRIBUTE);
    if (details == null || session.isExpired()) {
      return null; // ended by the store's own idle check, or not yet seen since details existed
    }
    Instant lastSeen = session.getAttribute(SessionDetails.LAST_SEEN);
    return new Live(
        session.getId(),
        details,
        new SessionTimes(
            details.signedInAt(),
            lastSeen == null ? details.signedInAt() : lastSeen,
            session.getMaxInactiveInterval(),
            policy.absoluteTimeout()));
  }
}
