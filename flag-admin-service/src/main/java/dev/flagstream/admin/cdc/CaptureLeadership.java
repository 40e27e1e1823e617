package dev.flagstream.admin.cdc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Decides which replica captures changes: the one holding a PostgreSQL advisory lock, on a
 * connection of its own outside the pool. PostgreSQL releases the lock the moment that connection
 * ends, also when the process is killed, so a standby takes over within one retry interval. Not
 * thread-safe; one supervisor thread uses it.
 */
final class CaptureLeadership implements AutoCloseable {
  private final String url;
  private final @Nullable String user;
  private final @Nullable String password;
  private final String lockName;
  private @Nullable Connection holder;

  CaptureLeadership(String url, @Nullable String user, @Nullable String password, String lockName) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.lockName = lockName;
  }

  /** Takes the lock if no other replica holds it; true while this replica holds it. */
  boolean tryAcquire() {
    if (isHeld()) {
      return true;
    }
    release();
    try {
      Connection connection = DriverManager.getConnection(url, user, password);
      try (PreparedStatement lock =
              connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))");
          ResultSet granted = executeWith(lock, lockName)) {
        granted.next();
        if (granted.getBoolean(1)) {
          holder = connection;
          return true;
        }
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether the lock is still held: its connection is alive and still owns it. */
  boolean isHeld() {
    if (holder == null) {
      return false;
    }
    try (PreparedStatement owns =
            holder.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND pid = pg_backend_pid() AND objid = hashtext(?)::oid)");
        ResultSet result = executeWith(owns, lockName)) {
      owns.setQueryTimeout(2);
      return result.next() && result.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Gives the lock up; another replica may take it at once. */
  void release() {
    if (holder != null) {
      try {
        holder.close();
      } catch (SQLException e) {
        // closing ends the session, which is what releases the lock
      }
      holder = null;
    }
  }

  @Override
  public void close() {
    release();
  }

  private static ResultSet executeWith(PreparedStatement statement, String value)
      throws SQLException {
    statement.setString(1, value);
    return statement.executeQuery();
  }
}
