package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTest {
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void generate_tenDistinctCodes_fourGroupsOfFour() {
    List<String> codes = RecoveryCodes.generate(RANDOM);

    assertThat(codes)
        .hasSize(10)
        .doesNotHaveDuplicates()
        .allSatisfy(
            code -> {
              assertThat(code).matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}");
              assertThat(RecoveryCodes.normalize(code)).contains(code.replace("-", ""));
            });
  }

  @Test
  void generate_drawsFromAllThirtyTwoSymbols_eightyBitsACode() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      RecoveryCodes.generate(RANDOM)
          .forEach(code -> code.replace("-", "").chars().forEach(c -> seen.add((char) c)));
    }

    assertThat(seen).hasSize(32);
    assertThat(ALPHABET.chars().mapToObj(c -> (char) c)).containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void normalize_ignoresCaseSpacesAndDashes() {
    assertThat(RecoveryCodes.normalize(" 7KQ2-xm9d 0ABC-defg\t")).contains("7kq2xm9d0abcdefg");
    assertThat(RecoveryCodes.normalize("7kq2xm9d0abcdefg")).contains("7kq2xm9d0abcdefg");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "7kq2-xm9d-0abc-def",
        "7kq2-xm9d-0abc-defgh",
        "7kq2-xm9d-0abc-defi",
        "7kq2-xm9d-0abc-defl",
        "7kq2-xm9d-0abc-defo",
        "7kq2-xm9d-0abc-defu",
        "7kq2-xm9d-0abc-def!",
        "123456"
      })
  void normalize_whatCannotBeACode_isEmpty(String typed) {
    assertThat(RecoveryCodes.normalize(typed)).isEmpty();
  }

  @Test
  void hashesOf_codesAsShown_hashesTheirNormalForm() {
    assertThat(RecoveryCodes.hashesOf(List.of("7kq2-xm9d-0abc-defg", "0000-1111-2222-3333")))
        .containsExactly(
            RecoveryCodes.hashOf("7kq2xm9d0abcdefg"), RecoveryCodes.hashOf("0000111122223333"));
    assertThatThrownBy(() -> RecoveryCodes.hashesOf(List.of("not a code")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hash_isTheSha256InHex() {
    assertThat(RecoveryCodes.hashOf("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
