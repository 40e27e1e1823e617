package dev.flagstream.admin.sso;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sso_identities} table: which identity at the provider is which user. */
@Repository
class SsoIdentities {
  private final JdbcClient jdbc;

  SsoIdentities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits for the lock of this identity and holds it until the transaction ends, so that two first
   * sign-ins of one person at once create one user: the second finds the first's link.
   */
  void lock(String issuer, String subject) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(issuer + "\n" + subject)
        .query()
        .singleRow();
  }

  /** The user linked to this identity, if any. */
  Optional<UUID> userOf(String issuer, String subject) {
    return jdbc.sql("SELECT user_id FROM sso_identities WHERE issuer = ? AND subject = ?")
        .params(issuer, subject)
        .query(UUID.class)
        .optional();
  }

  void link(String issuer, String subject, UUID userId) {
    jdbc.sql("INSERT INTO sso_identities (issuer, subject, user_id) VALUES (?, ?, ?)")
        .params(issuer, subject, userId)
        .update();
  }

  void signedIn(String issuer, String subject) {
    jdbc.sql("UPDATE sso_identities SET last_login_at = NOW() WHERE issuer = ? AND subject = ?")
        .params(issuer, subject)
        .update();
  }
}
