package dev.flagstream.admin.account;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user, so that a deleted user or a lowered role takes effect at once
 * instead of when the session expires. Sessions are indexed by the caller's id.
 */
@Component
final class SessionRevocation {
  private final FindByIndexNameSessionRepository<?> sessions;

  SessionRevocation(FindByIndexNameSessionRepository<?> sessions) {
    this.sessions = sessions;
  }

  void endSessionsOf(UUID userId) {
    sessions.findByPrincipalName(userId.toString()).keySet().forEach(sessions::deleteById);
  }
}
