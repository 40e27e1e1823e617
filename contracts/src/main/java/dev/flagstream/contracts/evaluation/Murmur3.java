package dev.flagstream.contracts.evaluation;

/**
 * MurmurHash3, x86 32-bit variant, seed 0, fed with UTF-8 encoded on the fly: the hash of {@code
 * first + separator + second} without building that string or its bytes. Lone surrogates encode as
 * {@code '?'}, exactly as {@link String#getBytes(java.nio.charset.Charset)} does, so that this
 * agrees with the reference hash of {@code (first + separator + second).getBytes(UTF_8)}.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  static int hashUtf8(CharSequence first, char separator, CharSequence second) {
    int firstLength = first.length();
    int charCount = firstLength + 1 + second.length();
    int hash = 0;
    int pending = 0; // bytes not yet forming a 4-byte block, little-endian
    int byteCount = 0;
    for (int i = 0; i < charCount; i++) {
      char c = charAt(first, separator, second, i);
      int encoded;
      int encodedLength;
      if (c < 0x80) {
        encoded = c;
        encodedLength = 1;
      } else if (c < 0x800) {
        encoded = (0xc0 | c >>> 6) | (0x80 | c & 0x3f) << 8;
        encodedLength = 2;
      } else if (!Character.isSurrogate(c)) {
        encoded = (0xe0 | c >>> 12) | (0x80 | c >>> 6 & 0x3f) << 8 | (0x80 | c & 0x3f) << 16;
        encodedLength = 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < charCount
          && Character.isLowSurrogate(charAt(first, separator, second, i + 1))) {
        int codePoint = Character.toCodePoint(c, charAt(first, separator, second, ++i));
        encoded =
            (0xf0 | codePoint >>> 18)
                | (0x80 | codePoint >>> 12 & 0x3f) << 8
                | (0x80 | codePoint >>> 6 & 0x3f) << 16
                | (0x80 | codePoint & 0x3f) << 24;
        encodedLength = 4;
      } else {
        encoded = '?';
        encodedLength = 1;
      }
      for (int b = 0; b < encodedLength; b++) {
        pending |= (encoded >>> (b << 3) & 0xff) << ((byteCount & 3) << 3);
        if ((++byteCount & 3) == 0) {
          hash = mixBlock(hash, pending);
          pending = 0;
        }
      }
    }
    if ((byteCount & 3) != 0) {
      hash ^= scramble(pending);
    }
    return finalMix(hash ^ byteCount);
  }

  private static char charAt(CharSequence first, char separator, CharSequence second, int i) {
    int firstLength = first.length();
    if (i < firstLength) {
      return first.charAt(i);
    }
    return i == firstLength ? separator : second.charAt(i - firstLength - 1);
  }

  private static int scramble(int block) {
    return Integer.rotateLeft(block * C1, 15) * C2;
  }

  private static int mixBlock(int hash, int block) {
    return Integer.rotateLeft(hash ^ scramble(block), 13) * 5 + 0xe6546b64;
  }

  private static int finalMix(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    return hash ^ hash >>> 16;
  }
}
