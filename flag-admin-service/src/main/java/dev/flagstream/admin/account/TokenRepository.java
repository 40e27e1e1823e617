package dev.flagstream.admin.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table. */
@Repository
class TokenRepository {
  private static final String COLUMNS =
      "t.id, t.user_id, t.name, t.prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at";

  private final JdbcClient jdbc;

  TokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ApiToken insert(UUID userId, String name, String secret, @Nullable Instant expiresAt) {
    return jdbc.sql(
            "INSERT INTO api_tokens AS t (user_id, name, prefix, token_hash, expires_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING "
                + COLUMNS)
        .param(userId)
        .param(name)
        .param(TokenSecrets.prefix(secret))
        .param(TokenSecrets.hash(secret))
        .param(expiresAt == null ? null : Timestamp.from(expiresAt))
        .query(TokenRepository::token)
        .single();
  }

  boolean existsWithSecret(String secret) {
    return findBySecret(secret).isPresent();
  }

  Optional<ApiToken> findBySecret(String secret) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t WHERE t.token_hash = ?")
        .param(TokenSecrets.hash(secret))
        .query(TokenRepository::token)
        .optional();
  }

  ApiToken expire(UUID id, Instant at) {
    return jdbc.sql("UPDATE api_tokens AS t SET expires_at = ? WHERE t.id = ? RETURNING " + COLUMNS)
        .params(Timestamp.from(at), id)
        .query(TokenRepository::token)
        .single();
  }

  /**
   * The caller a token stands for, if it is live: not revoked, not expired.
   *
   * @param tokenHash the secret's {@link TokenSecrets#hash}, taken once per request by the caller
   */
  Optional<Caller> callerOf(String tokenHash) {
    return jdbc.sql(
            "SELECT u.id, u.email, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE t.token_hash = ? AND t.revoked_at IS NULL"
                + " AND (t.expires_at IS NULL OR t.expires_at > NOW())")
        .param(tokenHash)
        .query(
            (row, n) ->
                new Caller(
                    row.getObject("id", UUID.class),
                    row.getString("email"),
                    Role.valueOf(row.getString("role")),
                    Caller.AuthenticationMethod.API_TOKEN))
        .optional();
  }

  /**
   * Notes a use; at most once a minute per token, so reads do not turn into writes ({@link
   * TokenUses} asks about as often, and this condition holds across admin instances).
   */
  void touch(String tokenHash) {
    jdbc.sql(
            "UPDATE api_tokens SET last_used_at = NOW() WHERE token_hash = ?"
                + " AND (last_used_at IS NULL OR last_used_at < NOW() - INTERVAL '1 minute')")
        .param(tokenHash)
        .update();
  }

  Optional<ApiToken> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens t WHERE t.id = ?")
        .param(id)
        .query(TokenRepository::token)
        .optional();
  }

  /** The tokens of {@code userId}, or everyone's when null, newest first. */
  List<ApiToken> list(@Nullable UUID userId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM api_tokens t"
                + " WHERE (CAST(? AS uuid) IS NULL OR t.user_id = ?) ORDER BY t.created_at DESC, t.id")
        .param(userId)
        .param(userId)
        .query(TokenRepository::token)
        .list();
  }

  ApiToken revoke(UUID id) {
    return jdbc.sql(
            "UPDATE api_tokens AS t SET revoked_at = COALESCE(revoked_at, NOW()) WHERE t.id = ?"
                + " RETURNING "
                + COLUMNS)
        .param(id)
        .query(TokenRepository::token)
        .single();
  }

  private static ApiToken token(ResultSet row, int rowNumber) throws SQLException {
    return new ApiToken(
        row.getObject("id", UUID.class),
        row.getObject("user_id", UUID.class),
        row.getString("name"),
        row.getString("prefix"),
        row.getTimestamp("created_at").toInstant(),
        instant(row.getTimestamp("expires_at")),
        instant(row.getTimestamp("last_used_at")),
        instant(row.getTimestamp("revoked_at")),
        null);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
