package dev.flagstream.admin.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time recovery codes, for signing in without the authenticator: {@value #COUNT} at a time,
 * each 80 random bits written as four groups of four characters ({@code 7kq2-xm9d-…}) from an
 * alphabet without look-alikes (no i, l, o, u). Shown once and stored as SHA-256 only: a code has
 * too much entropy to be found from its hash, so a slow password hash would add nothing.
 */
final class RecoveryCodes {
  static final int COUNT = 10;
  static final int LENGTH = 16;
  private static final int GROUP = 4;
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  private RecoveryCodes() {}

  /** {@value #COUNT} fresh codes, as shown to the user. */
  static List<String> generate(SecureRandom random) {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
      for (int c = 0; c < LENGTH; c++) {
        if (c > 0 && c % GROUP == 0) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /**
   * The code as stored, from what someone typed: case, spaces and dashes do not matter. Empty when
   * it cannot be a recovery code at all.
   */
  static Optional<String> normalize(String typed) {
    String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < LENGTH; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(code);
  }

  /** The stored forms of codes as {@link #generate} wrote them. */
  static List<String> hashesOf(List<String> shown) {
    return shown.stream()
        .map(code -> hashOf(normalize(code).orElseThrow(() -> new IllegalArgumentException(code))))
        .toList();
  }

  /** The stored form of a {@link #normalize normalized} code. */
  static String hashOf(String normalized) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
