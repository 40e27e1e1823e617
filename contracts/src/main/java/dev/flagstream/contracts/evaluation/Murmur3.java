package dev.flagstream.contracts.evaluation;

/**
 * MurmurHash3, x86 32-bit variant, seed 0, over UTF-8 encoded on the fly: the hash of {@code first
 * + ":" + second} without building that string or its bytes. Lone surrogates encode as {@code '?'},
 * exactly as {@link String#getBytes(java.nio.charset.Charset)} does, so that this agrees with the
 * reference hash of {@code (first + ":" + second).getBytes(UTF_8)}.
 *
 * <p>Runs of four ASCII characters, the whole of a typical flag name and user id, are mixed as one
 * block whatever the alignment; other characters go byte by byte.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /**
   * The state after hashing some bytes: blocks mixed into {@code hash}, the {@code count & 3} bytes
   * waiting to fill the next block in {@code pending}, and {@code count} bytes in all.
   */
  record State(int hash, int pending, int count) {
    static final State INITIAL = new State(0, 0, 0);
  }

  /** The hash of {@code first + ":" + second}. */
  static int hashUtf8(CharSequence first, CharSequence second) {
    return hashUtf8(0, 0, 0, first, ":", second);
  }

  /** The hash of whatever {@code state} absorbed followed by {@code suffix}. */
  static int hashUtf8(State state, CharSequence suffix) {
    return hashUtf8(state.hash(), state.pending(), state.count(), suffix);
  }

  /**
   * The same with the state given as its three parts, for a caller that keeps them in its own
   * fields: one object fewer to reach on every evaluation.
   */
  static int hashUtf8(int hash, int pending, int count, CharSequence suffix) {
    if (suffix instanceof String text) {
      return hashAfter(hash, pending, count, text);
    }
    return hashUtf8(hash, pending, count, "", "", suffix);
  }

  /**
   * What {@link #hashUtf8(State, CharSequence)} gives, the way a store evaluates every user: after
   * a fixed prefix the alignment of the suffix's blocks is fixed too, so the characters that
   * complete the prefix's last block are mixed first and every later block is four characters of
   * the suffix as they stand, read through {@code String}'s own {@code charAt}, with no shifting
   * across blocks. Characters are checked to be ASCII once, at the end: a suffix with any other
   * character, or too short to complete a block, is hashed again by the general path.
   */
  private static int hashAfter(int prefixHash, int pending, int count, String suffix) {
    int length = suffix.length();
    int pendingCount = count & 3;
    int fill = (4 - pendingCount) & 3; // characters that complete the prefix's pending block
    if (length < fill + 4) {
      return hashUtf8(prefixHash, pending, count, "", "", suffix);
    }
    int hash = prefixHash;
    int seen = 0; // every character ORed: any bit from 0x80 up means not ASCII
    int i = 0;
    if (fill != 0) {
      int block = pending;
      for (; i < fill; i++) {
        char c = suffix.charAt(i);
        seen |= c;
        block |= c << ((pendingCount + i) << 3);
      }
      hash = mixBlock(hash, block);
    }
    for (; i + 4 <= length; i += 4) {
      char c0 = suffix.charAt(i);
      char c1 = suffix.charAt(i + 1);
      char c2 = suffix.charAt(i + 2);
      char c3 = suffix.charAt(i + 3);
      seen |= c0 | c1 | c2 | c3;
      hash = mixBlock(hash, c0 | c1 << 8 | c2 << 16 | c3 << 24);
    }
    int tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) {
      char c = suffix.charAt(i);
      seen |= c;
      tail |= c << shift;
    }
    if (seen >= 0x80) {
      return hashUtf8(prefixHash, pending, count, "", "", suffix);
    }
    hash ^= scramble(tail); // nothing left over scrambles to 0, a no-op
    return finalMix(hash ^ (count + length));
  }

  /**
   * The state after absorbing {@code bytes}. Not on the hot path: it prepares a prefix once, so it
   * may work on a byte array.
   */
  static State absorb(byte[] bytes) {
    int hash = 0;
    int pending = 0;
    int count = 0;
    for (byte b : bytes) {
      pending |= (b & 0xff) << ((count & 3) << 3);
      if ((++count & 3) == 0) {
        hash = mixBlock(hash, pending);
        pending = 0;
      }
    }
    return new State(hash, pending, count);
  }

  private static int hashUtf8(
      int hash,
      int pending,
      int count,
      CharSequence first,
      CharSequence separator,
      CharSequence second) {
    for (int part = 0; part < 3; part++) {
      CharSequence text = part == 0 ? first : part == 1 ? separator : second;
      int length = text.length();
      int i = 0;
      while (i < length) {
        if (i + 4 <= length) {
          char c0 = text.charAt(i);
          char c1 = text.charAt(i + 1);
          char c2 = text.charAt(i + 2);
          char c3 = text.charAt(i + 3);
          if ((c0 | c1 | c2 | c3) < 0x80) {
            int four = c0 | c1 << 8 | c2 << 16 | c3 << 24;
            int shift = (count & 3) << 3;
            hash = mixBlock(hash, pending | four << shift);
            // Java masks shift distances to five bits, so a shift of 32 must not happen.
            pending = shift == 0 ? 0 : four >>> (32 - shift);
            count += 4;
            i += 4;
            continue;
          }
        }
        char c = text.charAt(i++);
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
            && i < length
            && Character.isLowSurrogate(text.charAt(i))) {
          int codePoint = Character.toCodePoint(c, text.charAt(i++));
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
          pending |= (encoded >>> (b << 3) & 0xff) << ((count & 3) << 3);
          if ((++count & 3) == 0) {
            hash = mixBlock(hash, pending);
            pending = 0;
          }
        }
      }
    }
    if ((count & 3) != 0) {
      hash ^= scramble(pending);
    }
    return finalMix(hash ^ count);
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
