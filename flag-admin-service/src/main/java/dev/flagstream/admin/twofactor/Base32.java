package dev.flagstream.admin.twofactor;

/**
 * Base32 (RFC 4648, section 6) without padding: how authenticator apps take a secret typed in or
 * read from an otpauth URI.
 */
final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Base32() {}

  static String encode(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        text.append(ALPHABET[(buffer >>> bits) & 0x1f]);
      }
    }
    if (bits > 0) {
      text.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
    }
    return text.toString();
  }
}
