package dev.flagstream.admin.cdc;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the engine's batches to the publisher: maps them to topic records, publishes them only
 * while this replica still holds the capture lock, and counts what was published or dead-lettered.
 */
final class ChangePublishing {
  private static final Logger log = LoggerFactory.getLogger(ChangePublishing.class);

  private final ChangeRecords changes;
  private final CaptureStatus status;
  private final CaptureMetrics metrics;
  private final Clock clock;

  ChangePublishing(
      ChangeRecords changes, CaptureStatus status, CaptureMetrics metrics, Clock clock) {
    this.changes = changes;
    this.status = status;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Publishes one batch of the engine.
   *
   * @param leading asked before publishing: a replica that lost the lock, say after being frozen
   *     while another took over, must not publish what it still had in hand
   * @throws LeadershipLostException when {@code leading} says no; the engine then stops without
   *     marking the batch done, and the leader publishes it
   */
  void publish(FlagTopicPublisher publisher, BooleanSupplier leading, List<SourceRecord> batch) {
    List<TopicRecord> records = new ArrayList<>();
    for (SourceRecord record : batch) {
      records.addAll(changes.of(record));
    }
    if (!records.isEmpty()) {
      if (!leading.getAsBoolean()) {
        throw new LeadershipLostException();
      }
      long captured = clock.millis();
      for (TopicRecord record : records) {
        metrics.captured(record, sinceCommit(record, captured));
      }
      publisher.publish(records);
      long now = clock.millis();
      for (TopicRecord record : records) {
        metrics.published(record, sinceCommit(record, now));
      }
    }
    status.active();
  }

  private static Duration sinceCommit(TopicRecord record, long nowMillis) {
    return Duration.ofMillis(Math.max(0, nowMillis - record.changedAt().toEpochMilli()));
  }

  /** Logs and counts a change too large ever to be published. */
  void deadLetter(TopicRecord record, int limit) {
    metrics.deadLettered();
    log.atError()
        .setMessage(
            "A flag change is larger than Kafka accepts and was skipped; the flag's consumers keep"
                + " its previous state until its next change")
        .addKeyValue("event", "cdc.dead.letter")
        .addKeyValue("flag", record.key())
        .addKeyValue("version", record.version())
        .addKeyValue("bytes", record.value() == null ? 0 : record.value().length)
        .addKeyValue("limit", limit)
        .log();
  }

  /** This replica no longer holds the capture lock. */
  static final class LeadershipLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LeadershipLostException() {
      super("lost the capture lock; another replica publishes");
    }
  }
}
