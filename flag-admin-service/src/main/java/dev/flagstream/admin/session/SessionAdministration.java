package dev.flagstream.admin.session;

import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Any user's sessions, as admins list and end them: the same reads, revocation and audit entries
 * for {@code /api/admin/users/{userId}/sessions} and for the console. Whether the caller is an
 * admin is for the security rules in front of both to decide; this class does not check it. Methods
 * read the session store and the users, and those that end sessions commit that before they return.
 */
@Component
public final class SessionAdministration {
  private final UserSessions sessions;
  private final SessionRevocation revocation;
  private final SessionOwners owners;

  SessionAdministration(UserSessions sessions, SessionRevocation revocation, SessionOwners owners) {
    this.sessions = sessions;
    this.revocation = revocation;
    this.owners = owners;
  }

  /**
   * The user's valid sessions, latest sign-in first; the one of {@code request}, if it is among
   * them, is marked current. Never null.
   *
   * @throws org.springframework.web.ErrorResponseException 404 without such a user
   */
  public List<SessionView> list(UUID userId, HttpServletRequest request) {
    String current = Sessions.currentId(request);
    return sessions.of(existing(userId)).stream().map(s -> SessionView.of(s, current)).toList();
  }

  /**
   * Ends the user's session with the handle {@code id}, audited as {@code SESSION_REVOKED} by
   * {@code admin}; when it is the session of {@code request}, that session is invalidated.
   *
   * @throws org.springframework.web.ErrorResponseException 404 without such a user, or when the
   *     user has no valid session with that handle (whether or not someone else has one)
   */
  public void end(Authentication admin, UUID userId, String id, HttpServletRequest request) {
    revocation.endOne(owners.actor(admin), existing(userId), id, request);
  }

  /**
   * Ends every session of the user but that of {@code request} (which is the admin's own when the
   * user is the admin), audited as {@code OTHER_SESSIONS_REVOKED} with how many ended.
   *
   * @return how many valid sessions ended
   * @throws org.springframework.web.ErrorResponseException 404 without such a user
   */
  public int endAll(Authentication admin, UUID userId, HttpServletRequest request) {
    return revocation.endOthers(owners.actor(admin), existing(userId), request);
  }

  private UUID existing(UUID userId) {
    if (!owners.exists(userId)) {
      throw Problems.notFound("no user with id " + userId);
    }
    return userId;
  }
}
