package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a fresh install usable: with no users, creates the first admin; with a bootstrap token
 * configured, makes sure that admin holds it, until it expires. Replicas starting together
 * serialize on a lock. A bootstrap token that does not look generated stops the start: it would be
 * an admin credential someone chose.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final BootstrapProperties properties;
  private final UserRepository users;
  private final TokenRepository tokens;
  private final Passwords passwords;
  private final AuditLog audit;
  private final Clock clock;

  BootstrapAdmin(
      BootstrapProperties properties,
      UserRepository users,
      TokenRepository tokens,
      Passwords passwords,
      AuditLog audit,
      Clock clock) {
    String token = properties.configuredToken();
    if (token != null && !TokenSecrets.looksGenerated(token)) {
      throw new IllegalStateException(
          "FLAGS_BOOTSTRAP_TOKEN (flags.bootstrap.token) must be a generated token: fst_ and at"
              + " least 43 base64url characters (256 random bits), such as the output of"
              + " echo \"fst_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')\"");
    }
    if (properties.tokenExpiresIn().isNegative() || properties.tokenExpiresIn().isZero()) {
      throw new IllegalStateException("flags.bootstrap.token-expires-in must be positive");
    }
    this.properties = properties;
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    users.lockBootstrap();
    if (users.isEmpty()) {
      createFirstAdmin();
    }
    String token = properties.configuredToken();
    if (token != null) {
      warnWhileActive(installed(token));
    }
  }

  /** The bootstrap token's row: installed now if new, given an expiry if it has none. */
  private ApiToken installed(String token) {
    Instant expiry = clock.instant().plus(properties.tokenExpiresIn());
    Optional<ApiToken> existing = tokens.findBySecret(token);
    if (existing.isEmpty()) {
      User admin = users.firstAdmin().orElseThrow();
      ApiToken created = tokens.insert(admin.id(), "bootstrap", token, expiry);
      audit.record(Actor.SYSTEM, AuditAction.TOKEN_CREATED, created.id().toString(), null, created);
      log.info("Bootstrap API token from FLAGS_BOOTSTRAP_TOKEN now belongs to {}", admin.email());
      return created;
    }
    if (existing.get().expiresAt() == null) {
      // installed by a version that let bootstrap tokens live for ever
      return tokens.expire(existing.get().id(), expiry);
    }
    return existing.get();
  }

  private void warnWhileActive(ApiToken token) {
    if (token.revokedAt() == null
        && token.expiresAt() != null
        && token.expiresAt().isAfter(clock.instant())) {
      log.atWarn()
          .setMessage(
              "The bootstrap API token grants ADMIN until {}; revoke it"
                  + " (DELETE /api/auth/tokens/{}) and unset FLAGS_BOOTSTRAP_TOKEN once your own"
                  + " tokens work")
          .addArgument(token.expiresAt())
          .addArgument(token.id())
          .addKeyValue("event", "auth.bootstrap-token.active")
          .addKeyValue("tokenId", token.id())
          .addKeyValue("expiresAt", token.expiresAt())
          .log();
    }
  }

  private static String generatedPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private void createFirstAdmin() {
    String email = Emails.normalize(properties.adminEmail());
    String configured = properties.adminPassword();
    boolean generated = configured == null;
    String password = configured != null ? configured : generatedPassword();
    Passwords.check("password", password, email)
        .ifPresent(
            violation -> {
              throw new IllegalStateException(
                  "FLAGS_BOOTSTRAP_ADMIN_PASSWORD " + violation.reason(),
                  Problems.invalid(List.of(violation)));
            });
    User admin = users.insert(email, passwords.hash(password), Role.ADMIN);
    audit.record(Actor.SYSTEM, AuditAction.USER_CREATED, admin.id().toString(), null, admin);
    if (generated) {
      log.warn(
          "\n\n  No users yet: created admin {} with the generated password\n\n      {}\n\n"
              + "  It is shown only this once. Set FLAGS_BOOTSTRAP_ADMIN_PASSWORD to choose it.\n",
          email,
          password);
    } else {
      log.info("No users yet: created admin {} from FLAGS_BOOTSTRAP_ADMIN_*", email);
    }
  }
}
