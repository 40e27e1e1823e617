package dev.flagstream.admin.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Decides which replica captures changes: the one holding a PostgreSQL advisory lock, on a
 * connection of its own outside the pool. The lock goes with that connection's session, so it is
 * bounded by {@code lockTimeout} however the holder fails:
 *
 * <ul>
 *   <li>a killed process: its connection closes, the lock is free at once;
 *   <li>a frozen process, a dead host, a network partition: the server ends the session once it has
 *       been silent for {@code lockTimeout} ({@code idle_session_timeout}; the holder touches it
 *       four times as often), or when TCP keep-alives go unanswered ({@code tcp_keepalives_*} of
 *       the session);
 *   <li>a silent server, seen from the holder: every query gives up after a fifth of {@code
 *       lockTimeout} and the socket after half of it, so the holder takes the lock for lost before
 *       the server hands it to another replica.
 * </ul>
 *
 * Thread-safe: the supervisor, the engine's publishing thread and the keep-alive share it.
 */
final class CaptureLeadership implements AutoCloseable {
  private final CaptureDatabase database;
  private final String lockName;
  private final Duration lockTimeout;
  private final ScheduledExecutorService keepAlive;
  private final long confirmationNanos;
  private @Nullable Connection holder;
  private @Nullable ScheduledFuture<?> touching;
  // When the last confirmation that the lock is held was asked for (System.nanoTime()); 0: none.
  private volatile long confirmedAt;

  CaptureLeadership(CaptureDatabase database, String lockName, Duration lockTimeout) {
    this.database = database;
    this.lockName = lockName;
    this.lockTimeout = lockTimeout;
    this.confirmationNanos = lockTimeout.toNanos() / 5;
    this.keepAlive =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flagstream-cdc-lock-keepalive");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Takes the lock if no other replica holds it; true while this replica holds it. */
  synchronized boolean tryAcquire() {
    if (isHeld()) {
      return true;
    }
    release();
    try {
      Connection connection = database.connect(lockTimeout.dividedBy(2), "flagstream-cdc-lock");
      try {
        bound(connection);
        try (PreparedStatement lock =
            connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
          if (queryBoolean(lock)) {
            holder = connection;
            long every = Math.max(100, lockTimeout.toMillis() / 4);
            touching =
                keepAlive.scheduleWithFixedDelay(this::touch, every, every, TimeUnit.MILLISECONDS);
            return true;
          }
        }
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Whether the lock is still held: its connection answers, within a fifth of the lock timeout,
   * that it owns it. A round trip to the database.
   */
  synchronized boolean isHeld() {
    Connection connection = holder;
    if (connection == null) {
      confirmedAt = 0;
      return false;
    }
    long asked = System.nanoTime();
    try (PreparedStatement owns =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_backend_pid() AND objid = hashtext(?)::oid)")) {
      boolean held = queryBoolean(owns);
      confirmedAt = held ? asked : 0;
      return held;
    } catch (SQLException e) {
      confirmedAt = 0;
      return false;
    }
  }

  /**
   * Whether the lock is held, without asking the database while a confirmation is younger than a
   * fifth of the lock timeout. The server ends a session only after it has been silent for at least
   * half the lock timeout (the idle and keep-alive bounds above), and only then may another replica
   * take the lock: a session that answered a moment ago is still the holder. Asked before every
   * batch the engine hands over, which at one change a batch would otherwise be a round trip to the
   * database a change. The lock is freed at once, though, when its session is ended from outside
   * ({@code pg_terminate_backend}, the database restarting): then this replica may send what it is
   * handed over for up to a fifth of the lock timeout beside the new leader (the supervisor asks
   * the database every half second); consumers drop the duplicates by version.
   */
  boolean isHeldLately() {
    long confirmed = confirmedAt;
    if (confirmed != 0 && System.nanoTime() - confirmed < confirmationNanos) {
      return true;
    }
    return isHeld();
  }

  /** Gives the lock up; another replica may take it at once. */
  synchronized void release() {
    confirmedAt = 0;
    if (touching != null) {
      touching.cancel(false);
      touching = null;
    }
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
    keepAlive.shutdownNow();
  }

  /** Keeps the session from counting as idle while this replica is busy elsewhere. */
  private synchronized void touch() {
    if (holder != null) {
      isHeld();
    }
  }

  /** Makes the server end this session when its client goes silent for the lock timeout. */
  private void bound(Connection connection) throws SQLException {
    long seconds = Math.max(1, lockTimeout.toSeconds());
    try (Statement set = connection.createStatement()) {
      set.execute("SET idle_session_timeout = " + lockTimeout.toMillis());
      set.execute("SET tcp_keepalives_idle = " + Math.max(1, seconds / 2));
      set.execute("SET tcp_keepalives_interval = 1");
      set.execute("SET tcp_keepalives_count = " + Math.max(1, seconds / 4));
    }
  }

  private boolean queryBoolean(PreparedStatement statement) throws SQLException {
    // Set before executing: a timeout set afterwards would guard nothing.
    statement.setQueryTimeout((int) Math.max(1, lockTimeout.toSeconds() / 5));
    statement.setString(1, lockName);
    try (ResultSet result = statement.executeQuery()) {
      return result.next() && result.getBoolean(1);
    }
  }
}
