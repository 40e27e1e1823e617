package dev.flagstream.admin.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): the HOTP code (RFC 4226) of the number of periods since
 * the epoch. Authenticator apps use {@link #forAuthenticatorApps()}: HMAC-SHA-1, 6 digits, 30
 * seconds. Thread-safe.
 */
final class Totp {
  /** The HMAC a code is computed with. */
  enum Algorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    final String mac;

    Algorithm(String mac) {
      this.mac = mac;
    }
  }

  /** How many steps either side of now a code may come from: a clock a period off still works. */
  static final int DRIFT_STEPS = 1;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private final Algorithm algorithm;
  private final int digits;
  private final long periodSeconds;

  Totp(Algorithm algorithm, int digits, Duration period) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("codes have 6 to 8 digits, not " + digits);
    }
    if (period.getSeconds() < 1 || period.getNano() != 0) {
      throw new IllegalArgumentException("the period is a whole number of seconds, not " + period);
    }
    this.algorithm = algorithm;
    this.digits = digits;
    this.periodSeconds = period.getSeconds();
  }

  /** What authenticator apps compute by default, and what the otpauth URI announces. */
  static Totp forAuthenticatorApps() {
    return new Totp(Algorithm.SHA1, 6, Duration.ofSeconds(30));
  }

  Algorithm algorithm() {
    return algorithm;
  }

  int digits() {
    return digits;
  }

  long periodSeconds() {
    return periodSeconds;
  }

  /** The time step {@code at} falls in. */
  long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), periodSeconds);
  }

  /** The code valid at {@code at}. */
  String codeAt(byte[] secret, Instant at) {
    return code(secret, step(at));
  }

  /** The code of time step {@code step}, zero-padded to the number of digits. */
  String code(byte[] secret, long step) {
    byte[] hash = hmac(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        (hash[offset] & 0x7f) << 24
            | (hash[offset + 1] & 0xff) << 16
            | (hash[offset + 2] & 0xff) << 8
            | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * The latest time step within {@link #DRIFT_STEPS} of {@code now} whose code is {@code offered},
   * if any. Every candidate is computed and compared in constant time, so how long this takes says
   * nothing about which step, if any, matched.
   */
  OptionalLong matchingStep(byte[] secret, String offered, Instant now) {
    byte[] given = offered.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    long matched = Long.MIN_VALUE;
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      boolean equal =
          MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), given);
      matched = equal ? step : matched;
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  private byte[] hmac(byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm.mac);
      mac.init(new SecretKeySpec(secret, "RAW"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + algorithm.mac, e);
    }
  }
}
