package dev.flagstream.admin.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created on a start with no users: {@code FLAGS_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * FLAGS_BOOTSTRAP_ADMIN_PASSWORD} (a generated password is logged once when unset), and {@code
 * FLAGS_BOOTSTRAP_TOKEN}, an API token for that admin, for scripts and smoke tests.
 */
@ConfigurationProperties("flags.bootstrap")
record BootstrapProperties(@Nullable Admin admin, @Nullable String token) {
  static final String DEFAULT_EMAIL = "admin@flagstream.local";

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
}
