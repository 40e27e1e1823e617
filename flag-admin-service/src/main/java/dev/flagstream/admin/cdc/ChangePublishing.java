package dev.flagstream.admin.cdc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the engine's batches to the publisher: maps them to topic records, sends them only while
 * this replica still holds the capture lock, and counts what was published or dead-lettered.
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
   * The handler of one engine run's batches. It sends each change the moment the engine hands it
   * over and returns without waiting for Kafka: waiting would hold every later change back by an
   * acknowledgement, several milliseconds each on a busy machine. A change counts as processed once
   * Kafka acknowledged it and all before it ({@link InFlightChanges}), told to the engine with a
   * later batch; the position stored is never past a change not on the topic.
   *
   * @param leading asked before sending: a replica that lost the lock, say after being frozen while
   *     another took over, must not publish what it still had in hand
   * @param inFlight where the run's changes wait for their acknowledgements
   */
  CaptureEngine.BatchHandler handler(
      FlagTopicPublisher publisher, BooleanSupplier leading, InFlightChanges inFlight) {
    return batch -> {
      // Throws when a change sent before failed: nothing more is sent after it.
      int processed = inFlight.acknowledged();
      boolean confirmedLeading = false;
      for (SourceRecord source : batch) {
        List<TopicRecord> records = changes.of(source);
        if (records.isEmpty()) {
          // Debezium's own heartbeats and other tables: nothing to publish, and no sign that
          // publishing works, so no progress either.
          inFlight.add(CompletableFuture.completedFuture(null));
          continue;
        }
        if (!confirmedLeading) {
          if (!leading.getAsBoolean()) {
            throw new LeadershipLostException();
          }
          confirmedLeading = true;
        }
        inFlight.add(send(publisher, records));
      }
      return processed + inFlight.acknowledged();
    };
  }

  private CompletableFuture<?> send(FlagTopicPublisher publisher, List<TopicRecord> records) {
    long captured = clock.millis();
    CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[records.size()];
    for (int i = 0; i < acknowledged.length; i++) {
      TopicRecord record = records.get(i);
      metrics.captured(record, sinceCommit(record, captured));
      acknowledged[i] =
          publisher
              .send(record)
              .thenRun(
                  () -> {
                    metrics.published(record, sinceCommit(record, clock.millis()));
                    status.active();
                  });
    }
    return acknowledged.length == 1 ? acknowledged[0] : CompletableFuture.allOf(acknowledged);
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
