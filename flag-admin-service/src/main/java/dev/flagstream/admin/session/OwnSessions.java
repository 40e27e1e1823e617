package dev.flagstream.admin.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A signed-in person's own sessions, listed and ended for {@code /api/auth/sessions} and for the
 * console alike (same revocation, same audit entries). The caller is a user, named by their id; a
 * token's caller has no current session. Methods read the session store, and those that end
 * sessions commit that before they return.
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

  /**
   * The caller's valid sessions, latest sign-in first, never null; the one of {@code request} is
   * marked current.
   */
  public List<SessionView> list(Authentication caller, HttpServletRequest request) {
    String current = Sessions.currentId(request);
    return sessions.of(idOf(caller)).stream().map(s -> SessionView.of(s, current)).toList();
  }

  /**
   * Ends the caller's session with the handle {@code id}, audited as {@code SESSION_REVOKED}; when
   * it is the session of {@code request}, that session is invalidated.
   *
   * @throws org.springframework.web.ErrorResponseException 404 when the caller has no valid session
   *     with that handle, whether or not someone else has one
   */
  public void end(Authentication caller, String id, HttpServletRequest request) {
    revocation.endOne(owners.actor(caller), idOf(caller), id, request);
  }

  /**
   * Ends every session of the caller but that of {@code request} (all of them, for a token),
   * audited as {@code OTHER_SESSIONS_REVOKED} with how many ended.
   */
  public void endOthers(Authentication caller, HttpServletRequest request) {
    revocation.endOthers(owners.actor(caller), idOf(caller), request);
  }

  private static UUID idOf(Authentication caller) {
    return UUID.fromString(caller.getName());
  }
}
