package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.SecondFactor;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-factor sign-in of the caller: its second step, and setting it up, turning it on and off. Set
 * up and changed in a signed-in browser session only: a leaked API token must not be able to tie an
 * account to an attacker's authenticator.
 */
@RestController
class TwoFactorController {
  private final TwoFactorEnrolment enrolment;
  private final TwoFactorSignIn signIn;

  TwoFactorController(TwoFactorEnrolment enrolment, TwoFactorSignIn signIn) {
    this.enrolment = enrolment;
    this.signIn = signIn;
  }

  record OfferedCodeBody(@Nullable String code, @Nullable String recoveryCode) {}

  record CodeBody(@Nullable String code) {}

  record DisableBody(
      @Nullable String password, @Nullable String code, @Nullable String recoveryCode) {}

  record Enabled(List<String> recoveryCodes) {}

  /**
   * The second step of a sign-in that answered {@code twoFactorRequired}: a code or a recovery
   * code. Answers the caller in a new session, as a one-step sign-in does.
   */
  @PostMapping("/api/auth/login/2fa")
  Caller loginSecondStep(
      @RequestBody(required = false) @Nullable OfferedCodeBody body,
      HttpServletRequest request,
      HttpServletResponse response) {
    OfferedCodeBody offered = body == null ? new OfferedCodeBody(null, null) : body;
    return signIn.completeSignIn(
        OfferedCode.from(offered.code(), offered.recoveryCode()), request, response);
  }

  @GetMapping("/api/auth/2fa")
  TwoFactorEnrolment.Status status(@AuthenticationPrincipal Caller caller) {
    return enrolment.status(caller);
  }

  @PostMapping("/api/auth/2fa/setup")
  TwoFactorEnrolment.Setup setup(@AuthenticationPrincipal Caller caller) {
    return enrolment.setup(inSession(caller));
  }

  @PostMapping("/api/auth/2fa/verify")
  Enabled verify(
      @RequestBody(required = false) @Nullable CodeBody body,
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    inSession(caller);
    OfferedCode code = OfferedCode.authenticator(body == null ? null : body.code());
    boolean enrolling =
        authentication.getAuthorities().stream()
            .anyMatch(a -> SecondFactor.ENROLMENT_AUTHORITY.equals(a.getAuthority()));
    return new Enabled(enrolment.enable(caller, code, enrolling, request, response));
  }

  @PostMapping("/api/auth/2fa/disable")
  ResponseEntity<Void> disable(
      @RequestBody(required = false) @Nullable DisableBody body,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request) {
    inSession(caller);
    DisableBody given = body == null ? new DisableBody(null, null, null) : body;
    if (given.password() == null) {
      throw Problems.invalid("password", "is required");
    }
    OfferedCode code = OfferedCode.from(given.code(), given.recoveryCode());
    enrolment.disable(caller, given.password(), code, request);
    return ResponseEntity.noContent().build();
  }

  private static Caller inSession(Caller caller) {
    if (caller.authenticatedBy() != Caller.AuthenticationMethod.SESSION) {
      throw Problems.forbidden(
          "two-factor sign-in is changed in a signed-in session, not with an API token");
    }
    return caller;
  }
}
