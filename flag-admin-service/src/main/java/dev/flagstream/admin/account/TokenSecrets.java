package dev.flagstream.admin.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API token secrets: {@code fst_} and 256 random bits, so secret scanners can recognise a leaked
 * one. Stored only as SHA-256: a token has too much entropy to be guessed from its hash, so the
 * slow hash that passwords need would only slow every request.
 */
final class TokenSecrets {
  static final String SCHEME_PREFIX = "fst_";
  // 43 base64url characters carry 258 bits; a random one shows dozens of different characters
  private static final Pattern GENERATED = Pattern.compile("fst_[A-Za-z0-9_-]{43,}");
  private static final int MIN_DISTINCT_CHARACTERS = 16;
  private static final int SHOWN_LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Whether {@code token} looks like one {@link #generate()} makes: {@code fst_} and at least 256
   * bits of base64url, not an obvious pattern. Tokens chosen by people, such as a configured
   * bootstrap token, must pass; generated ones always do.
   */
  static boolean looksGenerated(String token) {
    return GENERATED.matcher(token).matches()
        && token.substring(SCHEME_PREFIX.length()).chars().distinct().count()
            >= MIN_DISTINCT_CHARACTERS;
  }

  /** The start of a token, shown in lists so people can tell their tokens apart. */
  static String prefix(String token) {
    return token.substring(0, Math.min(SHOWN_LENGTH, token.length()));
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
