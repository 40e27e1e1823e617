package dev.flagstream.admin.twofactor;

import static dev.flagstream.admin.twofactor.EncryptionKeysTest.KEY_A;
import static dev.flagstream.admin.twofactor.EncryptionKeysTest.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ALICE = "user:alice".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BOB = "user:bob".getBytes(StandardCharsets.UTF_8);

  private static SecretCipher cipher(String... keys) {
    return new SecretCipher(EncryptionKeys.parse(List.of(keys)), new SecureRandom());
  }

  @Test
  void seal_thenOpen_givesTheSecretBack_underTheCurrentKeysId() {
    SecretCipher cipher = cipher("new:" + KEY_B, "old:" + KEY_A);

    SecretCipher.Sealed sealed = cipher.seal(SECRET, ALICE);

    assertThat(sealed.keyId()).isEqualTo("new");
    assertThat(sealed.bytes()).hasSize(SecretCipher.NONCE_BYTES + SECRET.length + 16);
    assertThat(cipher.open(sealed, ALICE)).isEqualTo(SECRET);
  }

  @Test
  void anEmptySecret_isSealedAsNonceAndTagAlone_andOpensEmpty() {
    SecretCipher cipher = cipher("k:" + KEY_A);

    SecretCipher.Sealed sealed = cipher.seal(new byte[0], ALICE);

    assertThat(sealed.bytes()).hasSize(SecretCipher.NONCE_BYTES + 16);
    assertThat(cipher.open(sealed, ALICE)).isEmpty();
  }

  @Test
  void seal_neverShowsTheSecret_andDiffersEveryTime() {
    SecretCipher cipher = cipher("k:" + KEY_A);

    byte[] first = cipher.seal(SECRET, ALICE).bytes();
    byte[] second = cipher.seal(SECRET, ALICE).bytes();

    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
  }

  @Test
  void aSecretSealedUnderAnOldKey_opensAfterANewKeyWasPutFirst() {
    SecretCipher.Sealed sealed = cipher("old:" + KEY_A).seal(SECRET, ALICE);
    SecretCipher rotated = cipher("new:" + KEY_B, "old:" + KEY_A);

    assertThat(rotated.open(sealed, ALICE)).isEqualTo(SECRET);
  }

  @Test
  void open_withTheKeyNoLongerConfigured_isRefused() {
    SecretCipher.Sealed sealed = cipher("old:" + KEY_A).seal(SECRET, ALICE);

    assertThatThrownBy(() -> cipher("new:" + KEY_B).open(sealed, ALICE))
        .isInstanceOf(SecretCipher.UnreadableSecretException.class)
        .hasMessageContaining("'old'");
  }

  @Test
  void open_anotherUsersContext_isRefused() {
    SecretCipher cipher = cipher("k:" + KEY_A);
    SecretCipher.Sealed sealed = cipher.seal(SECRET, ALICE);

    assertThatThrownBy(() -> cipher.open(sealed, BOB))
        .isInstanceOf(SecretCipher.UnreadableSecretException.class);
  }

  @Test
  void open_whatAnotherKeyUnderTheSameIdSealed_isRefused() {
    SecretCipher.Sealed sealed = cipher("k:" + KEY_A).seal(SECRET, ALICE);

    assertThatThrownBy(() -> cipher("k:" + KEY_B).open(sealed, ALICE))
        .isInstanceOf(SecretCipher.UnreadableSecretException.class)
        .hasMessageContaining("'k'");
  }

  @Test
  void open_anAlteredOrTruncatedSecret_isRefused() {
    SecretCipher cipher = cipher("k:" + KEY_A);
    SecretCipher.Sealed sealed = cipher.seal(SECRET, ALICE);

    for (int i = 0; i < sealed.bytes().length; i++) {
      byte[] altered = sealed.bytes().clone();
      altered[i] ^= 1;
      assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k", altered), ALICE))
          .as("byte %d flipped", i)
          .isInstanceOf(SecretCipher.UnreadableSecretException.class);
    }
    for (int length :
        new int[] {
          0,
          SecretCipher.NONCE_BYTES - 1,
          SecretCipher.NONCE_BYTES + 15,
          SecretCipher.NONCE_BYTES + 16
        }) {
      byte[] truncated = Arrays.copyOf(sealed.bytes(), length);
      assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed("k", truncated), ALICE))
          .as("%d bytes", length)
          .isInstanceOf(SecretCipher.UnreadableSecretException.class);
    }
  }

  @Test
  void contextOf_aUser_namesThem() {
    assertThat(
            new String(
                SecretCipher.contextOf(UUID.fromString("00000000-0000-0000-0000-00000000000a")),
                StandardCharsets.UTF_8))
        .isEqualTo("flagstream.two-factor:00000000-0000-0000-0000-00000000000a");
  }

  @Test
  void seal_withNoKeyConfigured_isRefused() {
    assertThatThrownBy(() -> cipher().seal(SECRET, ALICE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flags.two-factor.encryption-keys");
  }
}
