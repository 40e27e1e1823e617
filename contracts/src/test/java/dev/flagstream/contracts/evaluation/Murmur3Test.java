package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.IntSupplier;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Murmur3Test {
  private final Random random = new Random(42);

  @Test
  void agreesWithCommonsCodec_onMoreThanHundredThousandRandomInputs() {
    IntSupplier[] alphabets = {
      () -> 0x20 + random.nextInt(0x5f), // printable ASCII
      () -> random.nextInt(0x80), // all of ASCII, control characters too
      () -> 0x80 + random.nextInt(0x780), // two UTF-8 bytes
      () -> 0x800 + random.nextInt(0xf800), // three bytes, lone surrogates among them
      () -> random.nextInt(0x110000), // anything, supplementary code points too
      () -> random.nextInt(10) == 0 ? 0x80 + random.nextInt(0x10ff80) : 0x20 + random.nextInt(0x5f),
    };
    int checked = 0;
    for (int i = 0; i < 120_000; i++) {
      IntSupplier alphabet = alphabets[i % alphabets.length];
      int maxLength = i % 100 == 0 ? 5_000 : 40;
      String first = randomString(alphabet, random.nextInt(maxLength / 4 + 1));
      String second = randomString(alphabet, random.nextInt(maxLength + 1));
      assertThat(Murmur3.hashUtf8(first, second))
          .as("hash of %s:%s", first, second)
          .isEqualTo(reference(first + ":" + second));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(100_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg"})
  void everyTailLength_matchesTheReference(String second) {
    for (String first : new String[] {"", "f", "fl", "fla", "flag"}) {
      assertThat(Murmur3.hashUtf8(first, second)).isEqualTo(reference(first + ":" + second));
    }
  }

  @Test
  void asciiRuns_atEveryAlignment_matchTheReference() {
    String ascii = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int firstLength = 0; firstLength < 9; firstLength++) {
      for (int secondLength = 0; secondLength < 20; secondLength++) {
        for (String interruption : new String[] {"", "é", "€", "😀"}) {
          String first = ascii.substring(0, firstLength);
          String second =
              ascii.substring(0, secondLength / 2)
                  + interruption
                  + ascii.substring(0, secondLength / 2 + secondLength % 2);
          assertThat(Murmur3.hashUtf8(first, second)).isEqualTo(reference(first + ":" + second));
        }
      }
    }
  }

  @Test
  void afterAPrefix_aStringSuffix_matchesTheReference_atEveryAlignmentAndLength() {
    String ascii = "0123456789abcdef-0123456789abcdef-0123";
    for (int prefixLength = 0; prefixLength < 9; prefixLength++) {
      String prefix = "flagname".substring(0, prefixLength) + ":";
      Murmur3.State state = Murmur3.absorb(prefix.getBytes(StandardCharsets.UTF_8));
      for (int length = 0; length <= ascii.length(); length++) {
        String suffix = ascii.substring(0, length);
        assertThat(Murmur3.hashUtf8(state, suffix))
            .as("hash of %s%s", prefix, suffix)
            .isEqualTo(reference(prefix + suffix));
      }
    }
  }

  @Test
  void afterAPrefix_aStringSuffixWithNonAscii_inABlockOrInTheTail_matchesTheReference() {
    String ascii = "abcdefghijklmnop";
    for (int prefixLength = 0; prefixLength < 5; prefixLength++) {
      String prefix = "flag".substring(0, prefixLength) + ":";
      Murmur3.State state = Murmur3.absorb(prefix.getBytes(StandardCharsets.UTF_8));
      for (int at = 0; at <= ascii.length(); at++) {
        for (String other : new String[] {"é", "€", "😀", "\uD83D", "\u0080", "\u00ff"}) {
          String suffix = ascii.substring(0, at) + other + ascii.substring(at);
          assertThat(Murmur3.hashUtf8(state, suffix))
              .as("hash of %s%s", prefix, suffix)
              .isEqualTo(reference(prefix + suffix));
        }
      }
    }
  }

  @Test
  void afterAPrefix_aStringAndAnyOtherCharSequence_hashAlike_onRandomInputs() {
    Murmur3.State state = Murmur3.absorb("metmap-ai-copilot:".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 20_000; i++) {
      String suffix =
          randomString(
              () -> random.nextInt(8) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80),
              random.nextInt(50));
      assertThat(Murmur3.hashUtf8(state, suffix))
          .as("hash after the prefix of %s", suffix)
          .isEqualTo(Murmur3.hashUtf8(state, new StringBuilder(suffix)))
          .isEqualTo(reference("metmap-ai-copilot:" + suffix));
    }
  }

  @Test
  void loneSurrogates_encodeAsQuestionMark_likeStringGetBytes() {
    String[][] pairs = {
      {"flag\uD83D", "user"},
      {"flag", "\uDE00user"},
      {"flag", "user\uD83D"},
      {"flag", "\uDE00\uD83D"},
      {"flag", "a\uD83D\uD83D\uDE00"},
    };
    for (String[] pair : pairs) {
      assertThat(Murmur3.hashUtf8(pair[0], pair[1])).isEqualTo(reference(pair[0] + ":" + pair[1]));
    }
  }

  @Test
  void knownValues_ofTheReferenceAlgorithm() {
    // MurmurHash3_x86_32 of "hello" with seed 0 is 0x248bfa47 in the reference implementation.
    assertThat(reference("hello"))
        .as("the reference is the standard algorithm")
        .isEqualTo(0x248bfa47);
    assertThat(Murmur3.hashUtf8("", "")).isEqualTo(reference(":"));
    assertThat(Murmur3.hashUtf8("gr1", "123")).isEqualTo(reference("gr1:123"));
  }

  @Test
  void separator_isHashedBetweenTheParts() {
    assertThat(Murmur3.hashUtf8("ab", "c")).isNotEqualTo(Murmur3.hashUtf8("a", "bc"));
    assertThat(Murmur3.hashUtf8("a", "b")).isEqualTo(reference("a:b"));
  }

  private String randomString(IntSupplier alphabet, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(alphabet.getAsInt());
    }
    return text.toString();
  }

  private static int reference(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
  }
}
