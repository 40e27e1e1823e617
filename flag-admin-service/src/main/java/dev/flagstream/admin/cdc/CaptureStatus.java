package dev.flagstream.admin.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the capture of this replica is doing now, for health checks and metrics. Thread-safe. */
final class CaptureStatus {
  /** The role of this replica in capturing changes. */
  enum Role {
    DISABLED,
    STANDBY,
    CAPTURING,
    FAILING
  }

  private final Clock clock;
  private volatile Role role = Role.STANDBY;
  private volatile @Nullable Instant lastActivity;
  private volatile @Nullable String lastFailure;
  private volatile long slotLagBytes = -1;

  CaptureStatus(Clock clock) {
    this.clock = clock;
  }

  void role(Role role) {
    this.role = role;
    if (role == Role.CAPTURING) {
      lastActivity = clock.instant();
    }
  }

  void failed(Throwable failure) {
    this.role = Role.FAILING;
    this.lastFailure = failure.toString();
  }

  /** Records that the engine handed over a batch, a heartbeat at least. */
  void active() {
    lastActivity = clock.instant();
  }

  void slotLagBytes(long bytes) {
    this.slotLagBytes = bytes;
  }

  Role role() {
    return role;
  }

  long slotLagBytes() {
    return slotLagBytes;
  }

  @Nullable String lastFailure() {
    return lastFailure;
  }

  @Nullable Instant lastActivity() {
    return lastActivity;
  }

  /** Capturing, but nothing arrived, not even a heartbeat, for longer than {@code limit}. */
  boolean isStuck(Duration limit) {
    Instant last = lastActivity;
    return role == Role.CAPTURING && last != null && last.plus(limit).isBefore(clock.instant());
  }
}
