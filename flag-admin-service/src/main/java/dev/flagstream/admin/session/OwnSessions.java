package dev.flagstream.admin.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A signed-in person's own sessions, for the console: listed and ended exactly as {@code
 * /api/auth/sessions} lists and ends them (same revocation, same audit entries).
 */
@Component
public final class OwnSessions {
  private final UserSessions sessions;
  private final SessionRevocation revocation;
  private final SessionOwners owners;

  OwnSessions(UserSessions sessions, SessionRevocation revocation, SessionOwners owners) {
    this.sessions = sessions;
    this.revocation = revocation;
    this.owners = owners;
  }

  /** The caller's valid sessions, latest sign-in first; the one of {@code request} is current. */
  public List<SessionView> list(Authentication caller, HttpServletRequest request) {
    String current = Sessions.currentId(request);
    return sessions.of(idOf(caller)).stream().map(s -> SessionView.of(s, current)).toList();
  }

  /** Ends the caller's session named {@code id}; 404 when the caller has none of that name. */
  public void end(Authentication caller, String id, HttpServletRequest request) {
    revocation.endOne(owners.actor(caller), idOf(caller), id, request);
  }

  /** Ends every session of the caller but the current one. */
  public void endOthers(Authentication caller, HttpServletRequest request) {
    revocation.endOthers(owners.actor(caller), idOf(caller), request);
  }

  private static UUID idOf(Authentication caller) {
    return UUID.fromString(caller.getName());
  }
}
