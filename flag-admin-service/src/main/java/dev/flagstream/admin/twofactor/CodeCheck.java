package dev.flagstream.admin.twofactor;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks a user's second factor and spends it: an authenticator code is accepted once, from at most
 * one time step either side of now, and only if later than the last one accepted; a recovery code
 * once. Joins the caller's transaction.
 */
@Component
final class CodeCheck {
  /** What came of a check. */
  enum Verdict {
    AUTHENTICATOR_CODE_ACCEPTED(true, "accepted"),
    RECOVERY_CODE_ACCEPTED(true, "accepted"),
    WRONG_CODE(false, "wrong-code"),
    REPLAYED_CODE(false, "replayed-code"),
    WRONG_RECOVERY_CODE(false, "wrong-recovery-code"),
    NOT_ENABLED(false, "two-factor-off");

    final boolean accepted;
    final String reason;

    Verdict(boolean accepted, String reason) {
      this.accepted = accepted;
      this.reason = reason;
    }
  }

  private final TwoFactorRepository enrolments;
  private final SecretCipher cipher;
  private final Totp totp;
  private final Clock clock;

  CodeCheck(TwoFactorRepository enrolments, SecretCipher cipher, Totp totp, Clock clock) {
    this.enrolments = enrolments;
    this.cipher = cipher;
    this.totp = totp;
    this.clock = clock;
  }

  /** Checks {@code offered} against the user's enabled second factor and spends it if right. */
  Verdict spend(UUID userId, OfferedCode offered) {
    Instant now = clock.instant();
    Optional<TwoFactorRepository.Enrolment> enrolment =
        enrolments.find(userId).filter(TwoFactorRepository.Enrolment::enabled);
    if (enrolment.isEmpty()) {
      return Verdict.NOT_ENABLED;
    }
    if (offered.kind() == OfferedCode.Kind.RECOVERY) {
      return enrolments.spendRecoveryCode(userId, RecoveryCodes.hashOf(offered.value()), now)
          ? Verdict.RECOVERY_CODE_ACCEPTED
          : Verdict.WRONG_RECOVERY_CODE;
    }
    OptionalLong step = matchingStep(enrolment.get(), offered.value(), now);
    if (step.isEmpty()) {
      return Verdict.WRONG_CODE;
    }
    return enrolments.spendStep(userId, step.getAsLong())
        ? Verdict.AUTHENTICATOR_CODE_ACCEPTED
        : Verdict.REPLAYED_CODE;
  }

  /** The time step of {@code code} for the secret of {@code enrolment}, enabled or waiting. */
  OptionalLong matchingStep(TwoFactorRepository.Enrolment enrolment, String code, Instant now) {
    byte[] secret = cipher.open(enrolment.secret(), SecretCipher.contextOf(enrolment.userId()));
    try {
      return totp.matchingStep(secret, code, now);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
