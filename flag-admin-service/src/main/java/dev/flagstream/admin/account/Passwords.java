package dev.flagstream.admin.account;

import dev.flagstream.admin.password.PasswordRules;
import dev.flagstream.contracts.flag.Violation;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
  private final HashPermits permits;
  // Signing in with an unknown email still costs one hash, so timing does not reveal accounts.
  private final String decoy = encode("flagstream-decoy-password");
  // Made on first use: the hash of a random secret that is then forgotten, so no password matches.
  private volatile @Nullable String unusable;

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

  /**
   * A hash that no password matches, for users who sign in elsewhere: checking a password against
   * it costs the same as against any other hash, so a sign-in attempt tells nothing about them.
   */
  String unusable() {
    String hash = unusable;
    if (hash == null) {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      hash = encode(Base64.getEncoder().encodeToString(secret));
      unusable = hash; // two threads racing here make two hashes; either does
    }
    return hash;
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
