package dev.flagstream.admin.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The capture's replication slot as PostgreSQL sees it; each call uses a connection of its own. */
final class ReplicationSlot {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /**
   * One reading of the slot.
   *
   * @param exists whether the slot exists at all (not before the first capture)
   * @param activePid the server process streaming from it, or null when none does
   * @param walStatus PostgreSQL's {@code wal_status}: {@code reserved}, {@code extended}, {@code
   *     unreserved} (log the slot needs is about to be removed) or {@code lost} (it was: the slot
   *     is unusable); null when it does not exist
   * @param lagBytes write-ahead log the slot holds back, from its restart position to the current
   *     one; -1 when unknown (no slot, or lost)
   * @param safeWalBytes how much more log may be written before the slot is in danger of being
   *     invalidated, from {@code max_slot_wal_keep_size}; -1 when that is unbounded or unknown
   */
  record State(
      boolean exists,
      @Nullable Integer activePid,
      @Nullable String walStatus,
      long lagBytes,
      long safeWalBytes) {
    static final State ABSENT = new State(false, null, null, -1, -1);

    boolean isLost() {
      return "lost".equals(walStatus);
    }

    boolean isActive() {
      return activePid != null;
    }
  }

  private final CaptureDatabase database;
  private final String name;

  ReplicationSlot(CaptureDatabase database, String name) {
    this.database = database;
    this.name = name;
  }

  String name() {
    return name;
  }

  State state() throws SQLException {
    try (Connection connection = database.connect(TIMEOUT, "flagstream-cdc-slot-check");
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT active_pid, wal_status,"
                    + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint,"
                    + " safe_wal_size FROM pg_replication_slots WHERE slot_name = ?")) {
      query.setQueryTimeout((int) TIMEOUT.toSeconds());
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return State.ABSENT;
        }
        int pid = row.getInt(1);
        Integer activePid = row.wasNull() ? null : pid;
        String walStatus = row.getString(2);
        long lag = row.getLong(3);
        lag = row.wasNull() ? -1 : lag;
        long safe = row.getLong(4);
        safe = row.wasNull() ? -1 : safe;
        return new State(true, activePid, walStatus, lag, safe);
      }
    }
  }

  /**
   * Ends the server process that streams from the slot, if any: once this replica holds the capture
   * lock, it can only belong to an earlier leader that is gone or hung, and PostgreSQL would
   * otherwise refuse the slot until that process noticed (up to {@code wal_sender_timeout}, a
   * minute by default).
   *
   * @return the process ended, or null when none streamed
   */
  @Nullable Integer takeOver() throws SQLException {
    State state = state();
    if (state.activePid() == null) {
      return null;
    }
    try (Connection connection = database.connect(TIMEOUT, "flagstream-cdc-takeover");
        PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?, ?)")) {
      end.setInt(1, state.activePid());
      end.setLong(2, TIMEOUT.toMillis()); // waits until it is gone
      end.execute();
    }
    return state.activePid();
  }

  /** Drops the slot; a new one is made by the next engine start, with a fresh snapshot. */
  void drop() throws SQLException {
    try (Connection connection = database.connect(TIMEOUT, "flagstream-cdc-slot-drop");
        PreparedStatement drop =
            connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
      drop.setString(1, name);
      drop.execute();
    }
  }
}
