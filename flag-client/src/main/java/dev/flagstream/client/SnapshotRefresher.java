package dev.flagstream.client;

import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every flag from a snapshot when the {@link RefreshSchedule} says so: it repairs what
 * the stream missed, or, without a stream, is the source. A failed refresh keeps the flags held.
 * Not thread-safe: one thread refreshes.
 */
final class SnapshotRefresher {
  private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);

  /** Reads a snapshot. */
  interface Fetch {
    FlagSnapshot fetch() throws IOException, InterruptedException;
  }

  /** Makes the flags held agree with a snapshot requested at a time on the client's ticker. */
  interface Reconcile {
    void reconcile(FlagSnapshot snapshot, long requestedAtNanos);
  }

  private final Fetch fetch;
  private final Object endpoint;
  private final Reconcile reconcile;
  private final StatusTracker status;
  private final RefreshSchedule schedule;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private boolean failing;

  /**
   * @param endpoint where snapshots come from, for the log
   * @param clock the wall clock, to age a snapshot by its {@code freshAt}
   */
  SnapshotRefresher(
      Fetch fetch,
      Object endpoint,
      Reconcile reconcile,
      StatusTracker status,
      RefreshSchedule schedule,
      Clock clock,
      LongSupplier nanoTime) {
    this.fetch = fetch;
    this.endpoint = endpoint;
    this.reconcile = reconcile;
    this.status = status;
    this.schedule = schedule;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /**
   * Refreshes when due: sooner while the client is not {@code READY}, except while the stream
   * catches up with records still arriving, when the flags are on their way anyway.
   */
  void refreshIfDue() {
    if (schedule.isDue(status.status() == ClientStatus.READY || status.catchingUp())) {
      schedule.attempted();
      refresh();
    }
  }

  private void refresh() {
    long requestedAt = nanoTime.getAsLong();
    FlagSnapshot snapshot;
    try {
      snapshot = fetch.fetch();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (IOException | RuntimeException e) {
      status.snapshotFailed();
      if (!failing) {
        failing = true;
        log.atWarn()
            .setMessage("Snapshot refresh failed; keeping the flags held and trying again")
            .addKeyValue("endpoint", endpoint)
            .addKeyValue("error", e.toString())
            .log();
      } else {
        log.debug("Snapshot refresh failed again: {}", e.toString());
      }
      return;
    }
    reconcile.reconcile(snapshot, requestedAt);
    status.snapshotApplied(freshAtNanos(snapshot));
    if (failing) {
      failing = false;
      log.atInfo()
          .setMessage("Snapshot refresh works again")
          .addKeyValue("endpoint", endpoint)
          .log();
    }
  }

  /**
   * The snapshot's {@code freshAt} on the ticker; never later than now, whatever the clocks say.
   */
  private long freshAtNanos(FlagSnapshot snapshot) {
    Duration age = Duration.between(snapshot.freshAt(), clock.instant());
    long ageNanos = age.isNegative() ? 0 : saturatedNanos(age);
    return nanoTime.getAsLong() - ageNanos;
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }
}
