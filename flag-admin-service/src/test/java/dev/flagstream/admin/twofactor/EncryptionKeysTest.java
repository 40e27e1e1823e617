package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptionKeysTest {
  static final String KEY_A = Base64.getEncoder().encodeToString(filled(32, 1));
  static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 2));

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void parse_theFirstKeyIsCurrent_andEveryKeyIsFoundByItsId() {
    EncryptionKeys keys =
        EncryptionKeys.parse(List.of("2026-11:" + KEY_B, " old_1.a:" + KEY_A + " "));

    assertThat(keys.isEmpty()).isFalse();
    assertThat(keys.current().id()).isEqualTo("2026-11");
    assertThat(keys.current().secret().getEncoded()).isEqualTo(filled(32, 2));
    assertThat(keys.current().secret().getAlgorithm()).isEqualTo("AES");
    assertThat(keys.ids()).containsExactly("2026-11", "old_1.a");
    assertThat(keys.find("old_1.a").orElseThrow().secret().getEncoded()).isEqualTo(filled(32, 1));
    assertThat(keys.find("gone")).isEmpty();
  }

  @Test
  void parse_nothing_isEmpty_andHasNoCurrentKey() {
    EncryptionKeys none = EncryptionKeys.parse(List.of());

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.ids()).isEmpty();
    assertThatThrownBy(none::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flags.two-factor.encryption-keys");
  }

  @Test
  void missing_namesTheIdsNoKeyIsConfiguredFor_sorted() {
    EncryptionKeys keys = EncryptionKeys.parse(List.of("a:" + KEY_A, "b:" + KEY_B));

    assertThat(keys.missing(Set.of("z", "b", "c", "a"))).containsExactly("c", "z");
    assertThat(keys.missing(Set.of("a"))).isEmpty();
  }

  @Test
  void aKey_printsItsIdOnly() {
    EncryptionKeys.Key key = EncryptionKeys.parse(List.of("k1:" + KEY_A)).current();

    assertThat(key.toString()).isEqualTo("Key[k1]").doesNotContain(KEY_A);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-colon",
        ":KEY",
        "bad id:KEY",
        "bad/id:KEY",
        "123456789012345678901234567890123:KEY",
        "k:not base64!",
        "k:SHORT",
        "k:LONG",
        "k:"
      })
  void parse_malformedEntries_areRefused_namingTheEntryButNeverTheKey(String entry) {
    String short16 = Base64.getEncoder().encodeToString(filled(16, 7));
    String long33 = Base64.getEncoder().encodeToString(filled(33, 7));
    String configured =
        entry.replace("SHORT", short16).replace("LONG", long33).replace("KEY", KEY_A);

    assertThatThrownBy(() -> EncryptionKeys.parse(List.of("ok:" + KEY_B, configured)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("flags.two-factor.encryption-keys[1]")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(KEY_A)
                    .doesNotContain(KEY_B)
                    .doesNotContain(short16)
                    .doesNotContain(long33));
  }

  @Test
  void parse_anIdOfThirtyTwoCharacters_isTheLongestAllowed() {
    String id = "a".repeat(32);

    assertThat(EncryptionKeys.parse(List.of(id + ":" + KEY_A)).current().id()).isEqualTo(id);
  }

  @Test
  void parse_twoKeysWithOneId_areRefused() {
    assertThatThrownBy(() -> EncryptionKeys.parse(List.of("k:" + KEY_A, "k:" + KEY_B)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1]")
        .hasMessageContaining("'k'");
  }
}
