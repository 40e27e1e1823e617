package dev.flagstream.contracts.change;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A sign of life of the capture pipeline, published on the flag topic under {@link
 * FlagTopic#HEARTBEAT_KEY} every {@code intervalMillis} while changes are captured, also while no
 * flag changes. It travels the whole way a change does, from PostgreSQL's write-ahead log through
 * the capture to Kafka, in commit order with the changes. So a consumer that receives heartbeats
 * knows it has every change committed before the last one, and a consumer that stops receiving them
 * knows its flags may be stale, even while the brokers still answer.
 *
 * @param schemaVersion the wire format's version, {@value #SCHEMA_VERSION}
 * @param revision the revision of the heartbeat's transaction, ordered with those of changes
 * @param beatAt when the heartbeat was committed
 * @param intervalMillis how often heartbeats are published
 */
public record CaptureHeartbeat(
    int schemaVersion, long revision, Instant beatAt, long intervalMillis) {
  /** The schema version this class reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  /** The value of {@code op} that marks a heartbeat on the wire. */
  public static final String OP = "HEARTBEAT";

  public CaptureHeartbeat {
    requireNonNull(beatAt, "beatAt");
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative, got " + revision);
    }
    if (intervalMillis <= 0) {
      throw new IllegalArgumentException("intervalMillis must be positive, got " + intervalMillis);
    }
  }

  /** A heartbeat of the current schema version. */
  public static CaptureHeartbeat of(long revision, Instant beatAt, Duration interval) {
    return new CaptureHeartbeat(SCHEMA_VERSION, revision, beatAt, interval.toMillis());
  }

  /** Always {@value #OP}; written so that readers of the topic can tell heartbeats from changes. */
  public String op() {
    return OP;
  }

  /**
   * How long a consumer may go without a heartbeat before it should take the pipeline for stalled:
   * three intervals, so one late or lost heartbeat is no alarm.
   */
  public Duration silenceLimit() {
    return Duration.ofMillis(intervalMillis).multipliedBy(3);
  }
}
