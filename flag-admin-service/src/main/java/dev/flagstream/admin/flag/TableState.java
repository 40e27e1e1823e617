package dev.flagstream.admin.flag;

import java.time.Instant;

/**
 * What a read of the flag table saw: how many rows, and the transaction snapshot it saw them in.
 *
 * <p>{@code xmin} is the oldest transaction still running when the snapshot was taken: every row
 * written by an older transaction was already committed or rolled back, so it was seen as it is.
 * {@code xmax} is the first transaction not yet started. Both are 64-bit (epoch and 32-bit id), as
 * PostgreSQL's {@code pg_current_snapshot()} gives them.
 *
 * @param flags how many rows the table held
 * @param serverStarted when the database server started, to notice another server (a restore, a
 *     failover) whose transaction ids say nothing of this one's
 */
record TableState(long flags, long xmin, long xmax, Instant serverStarted) {
  private static final int EPOCH_SHIFT = 32;

  /**
   * Whether the rows written since this state can be told by their 32-bit {@code xmin}, the
   * transaction that wrote them: {@code later} is of the same server, no earlier, and in the same
   * epoch of transaction ids, so a row's id compares with this state's without wrapping around.
   */
  boolean comparableWith(TableState later) {
    return serverStarted.equals(later.serverStarted)
        && later.xmax >= xmin
        && xmin >>> EPOCH_SHIFT == later.xmax >>> EPOCH_SHIFT;
  }

  /** {@link #xmin} as the 32-bit transaction id that rows carry. */
  long rowXmin() {
    return xmin & 0xFFFF_FFFFL;
  }
}
