package dev.flagstream.admin.cdc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The capture's meters, all under {@code flagstream.cdc}. Thread-safe. */
final class CaptureMetrics {
  private final Counter published;
  private final Counter failures;
  private final Counter handovers;
  private final Counter deadLettered;
  private final Counter ghosts;
  private final Counter regressions;
  private final Timer lag;
  private final Timer captureLag;

  CaptureMetrics(MeterRegistry meters, CaptureStatus status, Duration silenceLimit) {
    published =
        Counter.builder("flagstream.cdc.records.published")
            .description(
                "Flag topic records acknowledged by Kafka: changes, tombstones, heartbeats")
            .register(meters);
    failures =
        Counter.builder("flagstream.cdc.failures")
            .description("Capture engine runs that ended in a failure")
            .register(meters);
    handovers =
        Counter.builder("flagstream.cdc.handovers")
            .description("Times this replica gave the capture lock up after failing in a row")
            .register(meters);
    deadLettered =
        Counter.builder("flagstream.cdc.records.dead.lettered")
            .description("Changes too large for Kafka, logged and skipped instead of published")
            .register(meters);
    ghosts =
        Counter.builder("flagstream.cdc.reconcile.ghosts")
            .description("Flags deleted on the topic at start because the database lacked them")
            .register(meters);
    regressions =
        Counter.builder("flagstream.cdc.version.regressions")
            .description("Starts that found the topic ahead of the database and re-versioned flags")
            .register(meters);
    captureLag =
        Timer.builder("flagstream.cdc.commit.to.capture")
            .description(
                "From a change's commit in PostgreSQL to the capture handing it to Kafka: the"
                    + " share of commit to publish that is not Kafka's")
            .publishPercentileHistogram()
            .register(meters);
    lag =
        Timer.builder("flagstream.cdc.commit.to.publish")
            .description("From a change's commit in PostgreSQL to Kafka's acknowledgement")
            .publishPercentileHistogram()
            .register(meters);
    Gauge.builder("flagstream.cdc.slot.lag.bytes", status, CaptureStatus::slotLagBytes)
        .description("Write-ahead log the replication slot holds back, measured by every replica")
        .baseUnit("bytes")
        .register(meters);
    Gauge.builder("flagstream.cdc.slot.safe.wal.bytes", status, s -> s.slot().safeWalBytes())
        .description("Log that may still be written before the slot is invalidated; -1 unbounded")
        .baseUnit("bytes")
        .register(meters);
    Gauge.builder(
            "flagstream.cdc.capturing",
            status,
            s -> s.role() == CaptureStatus.Role.CAPTURING ? 1 : 0)
        .description("1 on the replica that captures")
        .register(meters);
    for (CaptureHealth.Level level : CaptureHealth.Level.values()) {
      Gauge.builder(
              "flagstream.cdc.health",
              status,
              s -> CaptureHealth.assess(s, silenceLimit).level() == level ? 1 : 0)
          .description("1 for the capture's health as this replica sees it, 0 for the others")
          .tag("status", level.name())
          .register(meters);
    }
  }

  /** The capture has {@code record} in hand, committed {@code sinceCommit} ago. */
  void captured(TopicRecord record, Duration sinceCommit) {
    if (!record.isTombstone()) {
      captureLag.record(sinceCommit);
    }
  }

  /** Kafka acknowledged {@code record}, committed {@code lag} ago. */
  void published(TopicRecord record, Duration sinceCommit) {
    published.increment();
    if (!record.isTombstone()) {
      lag.record(sinceCommit);
    }
  }

  void failed() {
    failures.increment();
  }

  void handedOver() {
    handovers.increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void ghostsDeleted(int count) {
    ghosts.increment(count);
  }

  void versionRegression() {
    regressions.increment();
  }
}
