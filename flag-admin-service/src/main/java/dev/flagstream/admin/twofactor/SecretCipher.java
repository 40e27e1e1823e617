package dev.flagstream.admin.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts two-factor secrets at rest with AES-GCM under the current {@link EncryptionKeys key}: a
 * random 96-bit nonce per secret, stored before the ciphertext, and the 128-bit tag after it. The
 * caller's context (the user's id) is authenticated with it, so a secret copied into another user's
 * row does not decrypt. Thread-safe.
 */
final class SecretCipher {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A secret as stored: the id of the key that encrypted it, the nonce and the ciphertext. */
  record Sealed(String keyId, byte[] bytes) {}

  /** A stored secret that no configured key can decrypt: its key is gone, or it was altered. */
  static final class UnreadableSecretException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnreadableSecretException(String message, Throwable cause) {
      super(message, cause);
    }

    UnreadableSecretException(String message) {
      super(message);
    }
  }

  private final EncryptionKeys keys;
  private final SecureRandom random;

  SecretCipher(EncryptionKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  Sealed seal(byte[] secret, byte[] context) {
    EncryptionKeys.Key key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context);
      byte[] ciphertext = cipher.doFinal(secret);
      return new Sealed(
          key.id(),
          ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + TRANSFORMATION, e);
    }
  }

  byte[] open(Sealed sealed, byte[] context) {
    EncryptionKeys.Key key =
        keys.find(sealed.keyId())
            .orElseThrow(
                () ->
                    new UnreadableSecretException(
                        "the key '" + sealed.keyId() + "' is not configured any more"));
    if (sealed.bytes().length < NONCE_BYTES + TAG_BITS / 8) {
      throw new UnreadableSecretException("a stored secret is too short to be one");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secret(),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed.bytes(), NONCE_BYTES)));
      cipher.updateAAD(context);
      return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new UnreadableSecretException(
          "a stored secret does not decrypt with the key '" + sealed.keyId() + "'", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + TRANSFORMATION, e);
    }
  }

  /** What binds a user's secret to that user: authenticated with it, never stored. */
  static byte[] contextOf(UUID userId) {
    return ("flagstream.two-factor:" + userId).getBytes(StandardCharsets.UTF_8);
  }
}
