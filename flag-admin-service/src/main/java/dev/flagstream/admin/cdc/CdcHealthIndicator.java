package dev.flagstream.admin.cdc;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when this replica should be capturing but is not: the engine failed, or it has handed over
 * nothing, not even a heartbeat, for three heartbeat intervals. A standby replica is up: another
 * one captures.
 */
final class CdcHealthIndicator extends AbstractHealthIndicator {
  private final CaptureStatus status;
  private final Duration stuckAfter;

  CdcHealthIndicator(CaptureStatus status, CdcProperties cdc) {
    super("Could not read the capture status");
    this.status = status;
    this.stuckAfter = cdc.heartbeatInterval().multipliedBy(3).plusSeconds(15);
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    CaptureStatus.Role role = status.role();
    boolean healthy = role != CaptureStatus.Role.FAILING && !status.isStuck(stuckAfter);
    (healthy ? health.up() : health.down()).withDetail("role", role.name());
    if (status.lastActivity() != null) {
      health.withDetail("lastActivity", status.lastActivity().toString());
    }
    if (status.slotLagBytes() >= 0) {
      health.withDetail("slotLagBytes", status.slotLagBytes());
    }
    if (role == CaptureStatus.Role.FAILING && status.lastFailure() != null) {
      health.withDetail("lastFailure", status.lastFailure());
    }
  }
}
