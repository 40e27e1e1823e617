package dev.flagstream.admin.session;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Ending sessions on request, by their user or an admin, each audited with who asked and from
 * where. The entry is written in a transaction that commits only once the session is gone.
 */
@Service
final class SessionRevocation {
  private final UserSessions sessions;
  private final AuditLog audit;
  private final TransactionOperations transactions;

  SessionRevocation(UserSessions sessions, AuditLog audit, TransactionOperations transactions) {
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * Ends the user's session with that handle; 404 when the user has no valid session with it,
   * whether or not another user has one.
   */
  void endOne(Actor actor, UUID owner, String handle, HttpServletRequest request) {
    UserSessions.Live session =
        sessions
            .find(owner, handle)
            .orElseThrow(() -> Problems.notFound("no session with id " + handle));
    String current = Sessions.currentId(request);
    transactions.executeWithoutResult(
        transaction -> {
          audit.record(
              actor,
              AuditAction.SESSION_REVOKED,
              owner.toString(),
              SessionView.of(session, current),
              null);
          HttpSession own = request.getSession(false);
          if (own != null && session.id().equals(current)) {
            own.invalidate(); // its own: the response also clears the cookie
          } else {
            sessions.end(session.id());
          }
        });
  }

  /** Ends every session of the user but that of {@code request}; returns how many ended. */
  int endOthers(Actor actor, UUID owner, HttpServletRequest request) {
    Integer ended =
        transactions.execute(
            transaction -> {
              int count = sessions.endAllBut(owner, Sessions.currentId(request));
              audit.record(
                  actor,
                  AuditAction.OTHER_SESSIONS_REVOKED,
                  owner.toString(),
                  null,
                  Map.of("revoked", count));
              return count;
            });
    return ended == null ? 0 : ended;
  }
}
