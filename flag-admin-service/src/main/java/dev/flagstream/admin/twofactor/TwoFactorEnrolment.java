package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.SignInSteps;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

/**
 * A user's own two-factor sign-in: setting it up (a secret that waits for its first code), turning
 * it on with that code (which gives the recovery codes), and turning it off with a code and the
 * password. Every refused code counts against the account as a wrong password does.
 */
@Service
public final class TwoFactorEnrolment {
  private static final int SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends for HMAC-SHA-1

  /** What an authenticator app needs, shown once. */
  public record Setup(String secret, String otpauthUri, String qrCodeSvg) {}

  /** Where the caller stands. */
  public record Status(boolean enabled, boolean pending, int recoveryCodesLeft, boolean required) {}

  private final TwoFactorRepository enrolments;
  private final RequiredRoles requiredRoles;
  private final EncryptionKeys keys;
  private final SecretCipher cipher;
  private final CodeCheck codes;
  private final Totp totp;
  private final TwoFactorSignIn signIns;
  private final SignInSteps steps;
  private final TwoFactorAudit audit;
  private final TransactionOperations transactions;
  private final TwoFactorProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TwoFactorEnrolment(
      TwoFactorRepository enrolments,
      RequiredRoles requiredRoles,
      EncryptionKeys keys,
      SecretCipher cipher,
      CodeCheck codes,
      Totp totp,
      TwoFactorSignIn signIns,
      SignInSteps steps,
      TwoFactorAudit audit,
      TransactionOperations transactions,
      TwoFactorProperties properties,
      Clock clock) {
    this.enrolments = enrolments;
    this.requiredRoles = requiredRoles;
    this.keys = keys;
    this.cipher = cipher;
    this.codes = codes;
    this.totp = totp;
    this.signIns = signIns;
    this.steps = steps;
    this.audit = audit;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A fresh secret for {@code caller}, stored encrypted and waiting for its first code; replaces
   * one that waited. 409 when two-factor sign-in is on already, 503 when no key is configured.
   */
  public Setup setup(Caller caller) {
    if (keys.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.SERVICE_UNAVAILABLE,
          Problems.detail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "two-factor sign-in is not set up on this server: an operator must configure"
                  + " flags.two-factor.encryption-keys"),
          null);
    }
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    SecretCipher.Sealed sealed = cipher.seal(secret, SecretCipher.contextOf(caller.id()));
    if (!enrolments.savePending(caller.id(), sealed, clock.instant())) {
      throw Problems.conflict("two-factor sign-in is on already; turn it off first to replace it");
    }
    String uri = OtpAuthUri.of(properties.issuer(), caller.email(), secret, totp);
    return new Setup(Base32.encode(secret), uri, QrCodeSvg.of(uri));
  }

  /**
   * Turns two-factor sign-in on with the first code of the waiting secret, and returns the recovery
   * codes, the only time they are shown. When {@code enrolling}, the caller's session could do
   * nothing but this: the code completes their sign-in, in a new session.
   */
  /**
   * {@link #enable(Caller, OfferedCode, boolean, HttpServletRequest, HttpServletResponse)} with the
   * code a form offers.
   */
  public List<String> enable(
      Caller caller,
      @Nullable String code,
      boolean enrolling,
      HttpServletRequest request,
      HttpServletResponse response) {
    return enable(caller, OfferedCode.authenticator(code), enrolling, request, response);
  }

  List<String> enable(
      Caller caller,
      OfferedCode code,
      boolean enrolling,
      HttpServletRequest request,
      HttpServletResponse response) {
    steps.refuseIfThrottled(caller, caller.actor(), "enable", request);
    TwoFactorRepository.Enrolment pending =
        enrolments
            .find(caller.id())
            .filter(enrolment -> !enrolment.enabled())
            .orElseThrow(
                () ->
                    Problems.conflict(
                        "no secret waits for its first code: POST /api/auth/2fa/setup first"));
    Instant now = clock.instant();
    OptionalLong step;
    try {
      step = codes.matchingStep(pending, code.value(), now);
    } catch (SecretCipher.UnreadableSecretException e) {
      // its key was dropped before the secret was ever used: worthless, so set up anew
      throw Problems.conflict("the secret from setup can no longer be read: set up again");
    }
    if (step.isEmpty()) {
      transactions.executeWithoutResult(
          transaction -> signIns.failed(caller.actor(), caller, "wrong-code", "enable", request));
      throw Problems.invalid(
          "code",
          "is not a current code of the secret from setup; check the device's clock and try the"
              + " next code");
    }
    List<String> recoveryCodes = RecoveryCodes.generate(random);
    transactions.executeWithoutResult(
        transaction -> {
          if (!enrolments.enable(caller.id(), step.getAsLong(), now)) {
            throw Problems.conflict("two-factor sign-in was turned on meanwhile");
          }
          enrolments.replaceRecoveryCodes(caller.id(), RecoveryCodes.hashesOf(recoveryCodes));
          audit.record(caller.actor(), AuditAction.TWO_FACTOR_ENABLED, caller.id(), Map.of());
          if (enrolling) {
            steps.succeeded(caller, request);
            audit.record(
                caller.actor(),
                AuditAction.LOGIN_TWO_FACTOR_SUCCEEDED,
                caller.id(),
                Map.of("during", "enrolment"));
          }
        });
    if (enrolling) {
      steps.signedIn(caller, request, response);
    }
    return recoveryCodes;
  }

  /**
   * Turns two-factor sign-in off; needs the password and a code or a recovery code.
   *
   * @throws ErrorResponseException 403 when either is wrong (counted as a failed sign-in), 409 when
   *     it is off
   */
  void disable(Caller caller, String password, OfferedCode code, HttpServletRequest request) {
    if (enrolments.find(caller.id()).filter(TwoFactorRepository.Enrolment::enabled).isEmpty()) {
      throw Problems.conflict("two-factor sign-in is off");
    }
    steps.refuseIfThrottled(caller, caller.actor(), "disable", request);
    boolean passwordMatches = steps.passwordMatches(caller, password);
    boolean disabled =
        Objects.requireNonNull(
            transactions.execute(
                transaction -> {
                  // a code is only spent once the password proved right
                  Optional<CodeCheck.Verdict> verdict =
                      passwordMatches
                          ? Optional.of(codes.spend(caller.id(), code))
                          : Optional.empty();
                  if (verdict.isPresent() && verdict.get().accepted) {
                    enrolments.delete(caller.id());
                    audit.record(
                        caller.actor(), AuditAction.TWO_FACTOR_DISABLED, caller.id(), Map.of());
                    return true;
                  }
                  String reason = verdict.map(v -> v.reason).orElse("wrong-password");
                  signIns.failed(caller.actor(), caller, reason, "disable", request);
                  return false;
                }));
    if (!disabled) {
      throw Problems.forbidden("the password or the code is wrong");
    }
  }

  public Status status(Caller caller) {
    Optional<TwoFactorRepository.Enrolment> enrolment = enrolments.find(caller.id());
    boolean enabled = enrolment.filter(TwoFactorRepository.Enrolment::enabled).isPresent();
    return new Status(
        enabled,
        enrolment.isPresent() && !enabled,
        enabled ? enrolments.recoveryCodesLeft(caller.id()) : 0,
        requiredRoles.get().contains(caller.role()));
  }
}
