package dev.flagstream.admin.account;

import dev.flagstream.contracts.flag.Violation;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id, and what makes a password acceptable. Argon2 takes passwords of
 * any length, so nothing is silently truncated as bcrypt would beyond 72 bytes.
 */
@Component
final class Passwords {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  // Signing in with an unknown email still costs one hash, so timing does not reveal accounts.
  private final String decoy = encoder.encode("flagstream-decoy-password");

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  /** Burns the time of one verification, for callers with no hash to check against. */
  void spendVerificationTime(String password) {
    encoder.matches(password, decoy);
  }

  /** Why {@code password} is not acceptable for {@code email}, if it is not. */
  static Optional<Violation> check(String password, String email) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(
          new Violation("password", "must be at least " + MIN_LENGTH + " characters"));
    }
    if (length > MAX_LENGTH) {
      return Optional.of(
          new Violation("password", "must be at most " + MAX_LENGTH + " characters"));
    }
    if (password.equalsIgnoreCase(email)) {
      return Optional.of(new Violation("password", "must not be the email address"));
    }
    return Optional.empty();
  }
}
