package dev.flagstream.admin.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user changing their own password; see {@link PasswordChange}. */
@RestController
class PasswordController {
  private final PasswordChange change;

  PasswordController(PasswordChange change) {
    this.change = change;
  }

  record NewPassword(@Nullable String currentPassword, @Nullable String newPassword) {}

  /** 204 once changed: the caller's other sessions have ended, their own has a new id. */
  @PostMapping("/api/auth/password")
  ResponseEntity<Void> change(
      @RequestBody(required = false) @Nullable NewPassword body,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request) {
    NewPassword given = body == null ? new NewPassword(null, null) : body;
    change.change(caller, given.currentPassword(), given.newPassword(), request);
    return ResponseEntity.noContent().build();
  }
}
