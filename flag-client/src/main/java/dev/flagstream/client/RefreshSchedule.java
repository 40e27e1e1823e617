package dev.flagstream.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * When the next snapshot refresh is due: a refresh interval after the last attempt while the client
 * is healthy, the shorter stale interval while it is not, so that a change made while the stream is
 * down (a kill switch) arrives within seconds. Each wait is drawn within ±20 % of its interval, so
 * that clients started together do not refresh together. Not thread-safe: one thread refreshes.
 */
final class RefreshSchedule {
  private final long normalNanos;
  private final long staleNanos;
  private final LongSupplier nanoTime;
  private final DoubleSupplier random;
  private boolean dueAtOnce;
  private long lastAttemptAt;
  private double jitter;

  /**
   * @param dueAtOnce whether the first refresh is due at once, rather than an interval after now
   * @param random uniform in [0, 1)
   */
  RefreshSchedule(
      Duration normal,
      Duration stale,
      LongSupplier nanoTime,
      DoubleSupplier random,
      boolean dueAtOnce) {
    this.normalNanos = normal.toNanos();
    this.staleNanos = stale.toNanos();
    this.nanoTime = nanoTime;
    this.random = random;
    this.dueAtOnce = dueAtOnce;
    this.lastAttemptAt = nanoTime.getAsLong();
    this.jitter = drawJitter();
  }

  /** Whether a refresh is due now, for a client that is {@code healthy} or not. */
  boolean isDue(boolean healthy) {
    if (dueAtOnce) {
      return true;
    }
    long interval = (long) ((healthy ? normalNanos : staleNanos) * jitter);
    return nanoTime.getAsLong() - lastAttemptAt >= interval;
  }

  /** A refresh is being attempted now; the next wait counts from here. */
  void attempted() {
    dueAtOnce = false;
    lastAttemptAt = nanoTime.getAsLong();
    jitter = drawJitter();
  }

  private double drawJitter() {
    return 0.8 + 0.4 * random.getAsDouble();
  }
}
