package dev.flagstream.admin.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listing and ending sessions: a caller's own under {@code /api/auth/sessions}, anyone's under
 * {@code /api/admin/users/{userId}/sessions}, which only admins reach (see the security
 * configuration). A session is named by its handle, never its cookie; a handle that is not among
 * the caller's sessions is answered as one that does not exist, whoever's it is.
 */
@RestController
final class SessionController {
  private final OwnSessions own;
  private final SessionAdministration administration;

  SessionController(OwnSessions own, SessionAdministration administration) {
    this.own = own;
    this.administration = administration;
  }

  @GetMapping("/api/auth/sessions")
  List<SessionView> mine(Authentication caller, HttpServletRequest request) {
    return own.list(caller, request);
  }

  @DeleteMapping("/api/auth/sessions/{id}")
  ResponseEntity<Void> endMine(
      @PathVariable String id, Authentication caller, HttpServletRequest request) {
    own.end(caller, id, request);
    return ResponseEntity.noContent().build();
  }

  /** Ends every session of the caller but the one asking (all of them, for a token). */
  @DeleteMapping("/api/auth/sessions")
  ResponseEntity<Void> endMyOthers(Authentication caller, HttpServletRequest request) {
    own.endOthers(caller, request);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/admin/users/{userId}/sessions")
  List<SessionView> ofUser(@PathVariable UUID userId, HttpServletRequest request) {
    return administration.list(userId, request);
  }

  @DeleteMapping("/api/admin/users/{userId}/sessions/{id}")
  ResponseEntity<Void> endOfUser(
      @PathVariable UUID userId,
      @PathVariable String id,
      Authentication caller,
      HttpServletRequest request) {
    administration.end(caller, userId, id, request);
    return ResponseEntity.noContent().build();
  }

  /** Ends every session of the user, but the admin's own when the user is the admin. */
  @DeleteMapping("/api/admin/users/{userId}/sessions")
  ResponseEntity<Void> endAllOfUser(
      @PathVariable UUID userId, Authentication caller, HttpServletRequest request) {
    administration.endAll(caller, userId, request);
    return ResponseEntity.noContent().build();
  }
}
