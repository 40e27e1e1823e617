package dev.flagstream.admin.account;

import dev.flagstream.admin.password.PasswordRules;
import dev.flagstream.contracts.flag.Violation;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id, and what makes a password acceptable ({@link PasswordRules}).
 * Argon2 takes passwords of any length, so nothing is silently truncated as bcrypt would beyond 72
 * bytes. Hashes are made with OWASP's minimum for two passes (19 MiB); a hash made with weaker
 * parameters still verifies and {@link #needsUpgrade} tells the caller to store a new one. Every
 * hash runs under {@link HashPermits}, so a request may be refused with {@link
 * HashPermits.HashingBusyException}.
 */
@Component
final class Passwords {
  static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
  private final HashPermits permits;
  // Signing in with an unknown email still costs one hash, so timing does not reveal accounts.
  private final String decoy = encode("flagstream-decoy-password");

  Passwords(HashPermits permits) {
    this.permits = permits;
  }

  String hash(String password) {
    return permits.run(() -> encode(password));
  }

  private String encode(String password) {
    // Spring's encoder answers null only when given null.
    return Objects.requireNonNull(encoder.encode(password));
  }

  boolean matches(String password, String hash) {
    return permits.run(() -> encoder.matches(password, hash));
  }

  /** Whether {@code hash} was made with weaker parameters than new hashes get. */
  boolean needsUpgrade(String hash) {
    return encoder.upgradeEncoding(hash);
  }

  /** Burns the time of one verification, for callers with no hash to check against. */
  void spendVerificationTime(String password) {
    permits.run(() -> encoder.matches(password, decoy));
  }

  /**
   * Why {@code password} may not be the password of the account with {@code email}, if it may not;
   * the violation names {@code field}.
   */
  static Optional<Violation> check(String field, String password, String email) {
    return PasswordRules.standard().check(field, password, email);
  }
}
