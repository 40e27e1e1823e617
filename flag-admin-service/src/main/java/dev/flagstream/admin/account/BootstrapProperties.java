package dev.flagstream.admin.account;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created on a start with no users: {@code FLAGS_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * FLAGS_BOOTSTRAP_ADMIN_PASSWORD} (a generated password is logged once when unset), and {@code
 * FLAGS_BOOTSTRAP_TOKEN}, an API token for that admin for provisioning scripts: it must look like a
 * generated token and expires {@code tokenExpiresIn} after the start that installed it.
 *
 * @param admin the first admin's email and password
 * @param token an API token for the first admin, for provisioning scripts: {@code fst_} and at
 *     least 43 base64url characters, as the service generates them
 * @param tokenExpiresIn how long that token stays valid after the start that installed it
 */
@ConfigurationProperties("flags.bootstrap")
record BootstrapProperties(
    @Nullable Admin admin, @Nullable String token, @DefaultValue("30d") Duration tokenExpiresIn) {
  static final String DEFAULT_EMAIL = "admin@flagstream.local";

  /**
   * @param email the first admin's email; {@code admin@flagstream.local} when unset
   * @param password the first admin's password; generated and logged once when unset
   */
  record Admin(@Nullable String email, @Nullable String password) {}

  String adminEmail() {
    return admin == null || admin.email() == null || admin.email().isBlank()
        ? DEFAULT_EMAIL
        : admin.email();
  }

  @Nullable String adminPassword() {
    return admin == null || admin.password() == null || admin.password().isEmpty()
        ? null
        : admin.password();
  }

  /** The bootstrap token, or null when none is configured. */
  @Nullable String configuredToken() {
    return token == null || token.isBlank() ? null : token.strip();
  }
}
