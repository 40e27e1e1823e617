package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a fresh install usable: with no users, creates the first admin; with a bootstrap token
 * configured, makes sure that admin holds it. Replicas starting together serialize on a lock.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
  private static final long LOCK = 0x466c6167_73747274L; // "Flagstrt"

  private final BootstrapProperties properties;
  private final UserRepository users;
  private final TokenRepository tokens;
  private final Passwords passwords;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  BootstrapAdmin(
      BootstrapProperties properties,
      UserRepository users,
      TokenRepository tokens,
      Passwords passwords,
      AuditLog audit,
      JdbcClient jdbc) {
    this.properties = properties;
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    if (users.isEmpty()) {
      createFirstAdmin();
    }
    String token = properties.token();
    if (token != null && !token.isBlank() && !tokens.existsWithSecret(token)) {
      User admin = users.firstAdmin().orElseThrow();
      ApiToken created = tokens.insert(admin.id(), "bootstrap", token, null);
      audit.record(Actor.SYSTEM, AuditAction.TOKEN_CREATED, created.id().toString(), null, created);
      log.info("Bootstrap API token from FLAGS_BOOTSTRAP_TOKEN now belongs to {}", admin.email());
    }
  }

  private void createFirstAdmin() {
    String email = Emails.normalize(properties.adminEmail());
    String password = properties.adminPassword();
    boolean generated = password == null;
    if (generated) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    Passwords.check(password, email)
        .ifPresent(
            violation -> {
              throw new IllegalStateException(
                  "FLAGS_BOOTSTRAP_ADMIN_PASSWORD " + violation.reason(),
                  Problems.invalid(java.util.List.of(violation)));
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
