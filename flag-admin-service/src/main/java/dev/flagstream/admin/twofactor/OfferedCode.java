package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a user offers as their second factor: the code their authenticator shows, or one of their
 * recovery codes, in the form it is checked in.
 *
 * @param value the code's digits, or the recovery code {@link RecoveryCodes#normalize normalized}
 */
record OfferedCode(Kind kind, String value) {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{6}");

  /** Which kind of code. */
  enum Kind {
    AUTHENTICATOR,
    RECOVERY
  }

  /**
   * The code of a request that has {@code code} or {@code recoveryCode}.
   *
   * @throws org.springframework.web.ErrorResponseException 400 naming the field when neither or
   *     both are given, or one cannot be a code at all
   */
  static OfferedCode from(@Nullable String code, @Nullable String recoveryCode) {
    if ((code == null) == (recoveryCode == null)) {
      throw Problems.invalid(
          List.of(
              new Violation("code", "or recoveryCode is required, not both"),
              new Violation("recoveryCode", "or code is required, not both")));
    }
    if (code != null) {
      String digits = code.strip();
      if (!DIGITS.matcher(digits).matches()) {
        throw Problems.invalid("code", "must be the 6 digits the authenticator app shows");
      }
      return new OfferedCode(Kind.AUTHENTICATOR, digits);
    }
    Optional<String> normalized = RecoveryCodes.normalize(String.valueOf(recoveryCode));
    return new OfferedCode(
        Kind.RECOVERY,
        normalized.orElseThrow(
            () ->
                Problems.invalid(
                    "recoveryCode",
                    "must be a recovery code: 16 letters and digits, in groups of four")));
  }

  /** A code from the authenticator, which enabling two-factor sign-in needs. */
  static OfferedCode authenticator(@Nullable String code) {
    if (code == null) {
      throw Problems.invalid("code", "is required: the 6 digits the authenticator app shows");
    }
    return from(code, null);
  }
}
