package dev.flagstream.admin.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** What the capture of this replica is doing now, for health checks and metrics. Thread-safe. */
final class CaptureStatus {
  /** The role of this replica in capturing changes. */
  enum Role {
    /** Another replica holds the capture lock, or none could be taken yet. */
    STANDBY,
    /**
     * Holds the lock; readies the slot and the topic, and starts the engine. A failure of an
     * earlier run stands until the engine hands something over.
     */
    STARTING,
    /** Holds the lock, and the engine has handed changes or heartbeats over. */
    CAPTURING,
    /** Holds the lock, but the last engine run failed; it is retried. */
    FAILING,
    /** Failed too often in a row and gave the lock up for a while, for a healthy replica. */
    HANDED_OVER
  }

  private final Clock clock;
  private volatile Role role = Role.STANDBY;
  private volatile @Nullable Instant lastActivity;
  private volatile @Nullable String failure;
  private volatile List<String> topicWeaknesses = List.of();
  private volatile ReplicationSlot.State slot = ReplicationSlot.State.ABSENT;
  private volatile @Nullable Instant slotMeasuredAt;
  private volatile @Nullable Instant slotIdleSince;
  private final AtomicLong progress = new AtomicLong();

  CaptureStatus(Clock clock) {
    this.clock = clock;
  }

  void role(Role role) {
    this.role = role;
    if (role == Role.STARTING) {
      lastActivity = clock.instant();
    }
  }

  /** The current run failed for {@code reason}, said in words safe to show. */
  void failed(String reason) {
    this.role = Role.FAILING;
    this.failure = reason;
  }

  /** Gave the lock up after failing; keeps the last reason. */
  void handedOver() {
    this.role = Role.HANDED_OVER;
  }

  /**
   * Records that the capture made progress: Kafka acknowledged a change or a heartbeat. Called from
   * Kafka's producer thread.
   */
  void active() {
    lastActivity = clock.instant();
    progress.incrementAndGet();
    if (role == Role.STARTING) {
      role = Role.CAPTURING;
      failure = null;
    }
  }

  /** How often the capture made progress since this replica started. */
  long progress() {
    return progress.get();
  }

  void topicWeaknesses(List<String> weaknesses) {
    this.topicWeaknesses = List.copyOf(weaknesses);
  }

  /** A new measurement of the replication slot. */
  void slot(ReplicationSlot.State state) {
    Instant now = clock.instant();
    if (!state.exists() || state.isActive()) {
      slotIdleSince = null;
    } else if (slotIdleSince == null) {
      slotIdleSince = now;
    }
    this.slot = state;
    this.slotMeasuredAt = now;
  }

  Role role() {
    return role;
  }

  @Nullable String failure() {
    return failure;
  }

  @Nullable Instant lastActivity() {
    return lastActivity;
  }

  List<String> topicWeaknesses() {
    return topicWeaknesses;
  }

  ReplicationSlot.State slot() {
    return slot;
  }

  @Nullable Instant slotMeasuredAt() {
    return slotMeasuredAt;
  }

  /** The slot's lag as last measured, -1 when unknown. */
  long slotLagBytes() {
    return slot.lagBytes();
  }

  /**
   * Starting or capturing, but nothing arrived, not even a heartbeat, for longer than {@code
   * limit}.
   */
  boolean isStuck(Duration limit) {
    Instant last = lastActivity;
    return (role == Role.STARTING || role == Role.CAPTURING)
        && last != null
        && last.plus(limit).isBefore(clock.instant());
  }

  /** The slot exists and no replica has streamed from it for longer than {@code limit}. */
  boolean isSlotAbandoned(Duration limit) {
    Instant since = slotIdleSince;
    return since != null && since.plus(limit).isBefore(clock.instant());
  }
}
