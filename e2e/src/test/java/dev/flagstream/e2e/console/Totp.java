package dev.flagstream.e2e.console;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app: RFC 6238 codes (SHA-1, six digits, 30 s) of a Base32 secret. */
final class Totp {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  static String code(String base32Secret, Instant at) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(decode(base32Secret), "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          (hash[offset] & 0x7f) << 24
              | (hash[offset + 1] & 0xff) << 16
              | (hash[offset + 2] & 0xff) << 8
              | (hash[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decode(String base32) {
    String text = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = buffer << 5 | ALPHABET.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        bytes.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return bytes.array();
  }
}
