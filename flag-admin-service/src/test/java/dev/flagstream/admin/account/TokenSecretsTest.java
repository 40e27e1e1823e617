package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

  @Test
  void secrets_areRecognisable_longAndUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String secret = TokenSecrets.generate();
      assertThat(secret).startsWith("fst_").hasSize(4 + 43).matches("fst_[A-Za-z0-9_-]+");
      assertThat(TokenSecrets.looksGenerated(secret)).as(secret).isTrue();
      assertThat(seen.add(secret)).isTrue();
    }
  }

  @Test
  void chosenTokens_doNotLookGenerated() {
    assertThat(TokenSecrets.looksGenerated("changeme")).isFalse();
    assertThat(TokenSecrets.looksGenerated("fst_platform-admin-token-0123456789abcdef")).isFalse();
    assertThat(TokenSecrets.looksGenerated("fst_" + "a".repeat(60))).as("a pattern").isFalse();
    assertThat(TokenSecrets.looksGenerated("fst_" + "abcdefgh".repeat(6))).isFalse();
    assertThat(TokenSecrets.looksGenerated("xyz_" + TokenSecrets.generate().substring(4)))
        .isFalse();
    assertThat(TokenSecrets.looksGenerated(TokenSecrets.generate() + "!")).isFalse();
    assertThat(TokenSecrets.looksGenerated(TokenSecrets.generate().substring(0, 46))).isFalse();
  }

  @Test
  void aChosenToken_looksGenerated_fromSixteenDistinctCharacters() {
    assertThat(TokenSecrets.looksGenerated("fst_" + "abcdefghijklmnop".repeat(3))).isTrue();
    assertThat(TokenSecrets.looksGenerated("fst_" + "abcdefghijklmno".repeat(3))).isFalse();
  }

  @Test
  void hash_isSha256Hex_andPrefixShowsTheStart() {
    assertThat(TokenSecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(TokenSecrets.prefix("fst_abcdefghijkl")).isEqualTo("fst_abcdefgh");
    assertThat(TokenSecrets.prefix("short")).isEqualTo("short");
  }
}
