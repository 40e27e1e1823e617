package dev.flagstream.admin.twofactor;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in, {@code flags.two-factor.*}.
 *
 * @param encryptionKeys the keys secrets are encrypted with, {@code id:base64}, the current one
 *     first (see {@link EncryptionKeys}); with none, two-factor sign-in cannot be set up
 * @param secondStepTimeout how long after the password a sign-in waits for its code
 * @param issuer the name authenticator apps show beside the account
 */
@ConfigurationProperties("flags.two-factor")
record TwoFactorProperties(
    @DefaultValue List<String> encryptionKeys,
    @DefaultValue("5m") Duration secondStepTimeout,
    @DefaultValue("Flagstream") String issuer) {

  TwoFactorProperties {
    encryptionKeys = List.copyOf(encryptionKeys);
    if (secondStepTimeout.isNegative() || secondStepTimeout.isZero()) {
      throw new IllegalArgumentException("flags.two-factor.second-step-timeout must be positive");
    }
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("flags.two-factor.issuer must not be blank");
    }
  }
}
