package dev.flagstream.admin.twofactor;

import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys, cipher and code parameters two-factor sign-in works with. */
@Configuration
class TwoFactorConfiguration {
  /** The configured keys; a malformed one stops the start, naming the entry. */
  @Bean
  EncryptionKeys twoFactorEncryptionKeys(TwoFactorProperties properties) {
    return EncryptionKeys.parse(properties.encryptionKeys());
  }

  @Bean
  SecretCipher twoFactorSecretCipher(EncryptionKeys keys) {
    return new SecretCipher(keys, new SecureRandom());
  }

  @Bean
  Totp totp() {
    return Totp.forAuthenticatorApps();
  }
}
