package dev.flagstream.admin.twofactor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code two_factor} and {@code two_factor_recovery_codes} tables. */
@Repository
class TwoFactorRepository {
  private final JdbcClient jdbc;

  TwoFactorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A user's secret as stored.
   *
   * @param enabledAt null while the secret waits for its first code
   * @param lastUsedStep the time step of the last code accepted, null before the first
   */
  record Enrolment(
      UUID userId,
      SecretCipher.Sealed secret,
      @Nullable Instant enabledAt,
      @Nullable Long lastUsedStep) {
    boolean enabled() {
      return enabledAt != null;
    }
  }

  Optional<Enrolment> find(UUID userId) {
    return jdbc.sql("SELECT * FROM two_factor WHERE user_id = ?")
        .param(userId)
        .query(this::enrolment)
        .optional();
  }

  /**
   * Stores a new secret waiting for its first code, replacing one that waited; false, changing
   * nothing, when two-factor sign-in is on already.
   */
  boolean savePending(UUID userId, SecretCipher.Sealed secret, Instant now) {
    return jdbc.sql(
                "INSERT INTO two_factor AS t (user_id, secret_key_id, secret_sealed, created_at)"
                    + " VALUES (:user, :key, :sealed, :now) ON CONFLICT (user_id) DO UPDATE SET"
                    + " secret_key_id = :key, secret_sealed = :sealed, created_at = :now,"
                    + " last_used_step = NULL WHERE t.enabled_at IS NULL")
            .param("user", userId)
            .param("key", secret.keyId())
            .param("sealed", secret.bytes())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** Turns the waiting secret on, its first code spent; false when none waited. */
  boolean enable(UUID userId, long step, Instant now) {
    return jdbc.sql(
                "UPDATE two_factor SET enabled_at = ?, last_used_step = ?"
                    + " WHERE user_id = ? AND enabled_at IS NULL")
            .params(Timestamp.from(now), step, userId)
            .update()
        == 1;
  }

  /**
   * Spends the code of {@code step}: true when it is later than every code accepted before, false
   * (a replay, or two-factor sign-in is off) otherwise. Atomic, so of two requests with one code
   * only one succeeds, on any replica.
   */
  boolean spendStep(UUID userId, long step) {
    return jdbc.sql(
                "UPDATE two_factor SET last_used_step = :step WHERE user_id = :user"
                    + " AND enabled_at IS NOT NULL"
                    + " AND (last_used_step IS NULL OR last_used_step < :step)")
            .param("step", step)
            .param("user", userId)
            .update()
        == 1;
  }

  /** Replaces the secret's encryption, unless it changed meanwhile. */
  void reseal(UUID userId, SecretCipher.Sealed previous, SecretCipher.Sealed resealed) {
    jdbc.sql(
            "UPDATE two_factor SET secret_key_id = ?, secret_sealed = ?"
                + " WHERE user_id = ? AND secret_key_id = ? AND secret_sealed = ?")
        .params(resealed.keyId(), resealed.bytes(), userId, previous.keyId(), previous.bytes())
        .update();
  }

  /** Removes the user's secret and recovery codes; false when there were none. */
  boolean delete(UUID userId) {
    return jdbc.sql("DELETE FROM two_factor WHERE user_id = ?").param(userId).update() == 1;
  }

  /** The secrets, enabled or waiting, encrypted with one of {@code keyIds}. */
  List<Enrolment> sealedWith(List<String> keyIds) {
    return jdbc.sql("SELECT * FROM two_factor WHERE secret_key_id IN (:keys)")
        .param("keys", keyIds)
        .query(this::enrolment)
        .list();
  }

  /** The ids of the keys enabled secrets are encrypted with. */
  Set<String> keyIdsInUse() {
    return new TreeSet<>(
        jdbc.sql("SELECT DISTINCT secret_key_id FROM two_factor WHERE enabled_at IS NOT NULL")
            .query(String.class)
            .list());
  }

  void replaceRecoveryCodes(UUID userId, List<String> hashes) {
    jdbc.sql("DELETE FROM two_factor_recovery_codes WHERE user_id = ?").param(userId).update();
    for (String hash : hashes) {
      jdbc.sql("INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (?, ?)")
          .params(userId, hash)
          .update();
    }
  }

  /** Spends an unspent recovery code; false when the user has no such code left. */
  boolean spendRecoveryCode(UUID userId, String hash, Instant now) {
    return jdbc.sql(
                "UPDATE two_factor_recovery_codes SET used_at = ?"
                    + " WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
            .params(Timestamp.from(now), userId, hash)
            .update()
        == 1;
  }

  int recoveryCodesLeft(UUID userId) {
    return jdbc.sql(
            "SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  private Enrolment enrolment(ResultSet row, int rowNumber) throws SQLException {
    Timestamp enabledAt = row.getTimestamp("enabled_at");
    long lastUsedStep = row.getLong("last_used_step");
    return new Enrolment(
        row.getObject("user_id", UUID.class),
        new SecretCipher.Sealed(row.getString("secret_key_id"), row.getBytes("secret_sealed")),
        enabledAt == null ? null : enabledAt.toInstant(),
        row.wasNull() ? null : lastUsedStep);
  }
}
