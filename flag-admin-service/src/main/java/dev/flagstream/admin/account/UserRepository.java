package dev.flagstream.admin.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class UserRepository {
  private static final String COLUMNS = "id, email, role, created_at, updated_at";
  private static final long BOOTSTRAP_LOCK = 0x466c6167_73747274L; // "Flagstrt"

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user with the hash of their password, for signing in. */
  record WithPassword(User user, String passwordHash) {}

  Optional<WithPassword> findByEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE email = ?")
        .param(email)
        .query((row, n) -> new WithPassword(user(row, n), row.getString("password_hash")))
        .optional();
  }

  Optional<WithPassword> findWithPassword(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE id = ?")
        .param(id)
        .query((row, n) -> new WithPassword(user(row, n), row.getString("password_hash")))
        .optional();
  }

  Optional<User> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
        .param(id)
        .query(this::user)
        .optional();
  }

  List<User> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY email").query(this::user).list();
  }

  /**
   * Waits for the lock of bootstrapping and holds it until the transaction ends, so that replicas
   * starting together bootstrap one after the other: the next sees the first admin already there.
   */
  void lockBootstrap() {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query().singleRow();
  }

  boolean isEmpty() {
    return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
  }

  Optional<User> firstAdmin() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM users WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1")
        .query(this::user)
        .optional();
  }

  /**
   * Counts the admins and locks their rows until the transaction ends, so that two changes that
   * would each leave one admin cannot together leave none: the second waits, then counts again.
   */
  long lockAdmins() {
    return jdbc.sql("SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE")
        .query(UUID.class)
        .list()
        .size();
  }

  User insert(String email, String passwordHash, Role role) {
    return jdbc.sql(
            "INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?) RETURNING " + COLUMNS)
        .params(email, passwordHash, role.name())
        .query(this::user)
        .single();
  }

  /** Inserts a user, unless another has that email: then nothing changes and none is returned. */
  Optional<User> insertUnlessEmailTaken(String email, String passwordHash, Role role) {
    return jdbc.sql(
            "INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)"
                + " ON CONFLICT (email) DO NOTHING RETURNING "
                + COLUMNS)
        .params(email, passwordHash, role.name())
        .query(this::user)
        .optional();
  }

  User updateRole(UUID id, Role role) {
    return jdbc.sql(
            "UPDATE users SET role = ?, updated_at = NOW() WHERE id = ? RETURNING " + COLUMNS)
        .params(role.name(), id)
        .query(this::user)
        .single();
  }

  User updatePassword(UUID id, String passwordHash) {
    return jdbc.sql(
            "UPDATE users SET password_hash = ?, updated_at = NOW() WHERE id = ? RETURNING "
                + COLUMNS)
        .params(passwordHash, id)
        .query(this::user)
        .single();
  }

  /**
   * Stores the hash of a new password, unless the password changed since {@code previousHash} was
   * read; returns whether it did.
   */
  boolean changePassword(UUID id, String previousHash, String newHash) {
    return jdbc.sql(
                "UPDATE users SET password_hash = ?, updated_at = NOW()"
                    + " WHERE id = ? AND password_hash = ?")
            .params(newHash, id, previousHash)
            .update()
        == 1;
  }

  /** Stores a stronger hash of the same password, unless the password changed meanwhile. */
  void replaceHash(UUID id, String previousHash, String newHash) {
    jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?")
        .params(newHash, id, previousHash)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
  }

  private User user(ResultSet row, int rowNumber) throws SQLException {
    return new User(
        row.getObject("id", UUID.class),
        row.getString("email"),
        Role.valueOf(row.getString("role")),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant());
  }
}
