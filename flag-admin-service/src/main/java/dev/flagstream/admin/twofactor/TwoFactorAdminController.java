package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Two-factor sign-in as admins manage it: which roles need it, and resetting a user's. */
@RestController
class TwoFactorAdminController {
  private final TwoFactorAdministration administration;

  TwoFactorAdminController(TwoFactorAdministration administration) {
    this.administration = administration;
  }

  /** The roles whose users must sign in with two factors. */
  record Requirement(@Nullable List<Role> requiredForRoles) {}

  @GetMapping("/api/admin/two-factor")
  Requirement requirement() {
    return new Requirement(sorted(administration.requiredRoles()));
  }

  @PutMapping("/api/admin/two-factor")
  Requirement require(
      @RequestBody(required = false) @Nullable Requirement body,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request) {
    List<Role> roles = body == null ? null : body.requiredForRoles();
    if (roles == null || roles.contains(null)) {
      throw Problems.invalid("requiredForRoles", "is required: a list of ADMIN, EDITOR, VIEWER");
    }
    Set<Role> required = EnumSet.noneOf(Role.class);
    required.addAll(roles);
    return new Requirement(sorted(administration.require(caller, required, request)));
  }

  @DeleteMapping("/api/admin/users/{id}/2fa")
  ResponseEntity<Void> reset(
      @PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletRequest request) {
    administration.reset(caller, id, request);
    return ResponseEntity.noContent().build();
  }

  private static List<Role> sorted(Set<Role> roles) {
    return roles.stream().sorted().toList();
  }
}
