package dev.flagstream.admin.cdc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code cdc} component of the {@code capture} health group: see {@link CaptureHealth}. Never
 * part of readiness: the admin API serves and commits while capture is down, and capture catches up
 * later.
 */
final class CdcHealthIndicator extends AbstractHealthIndicator {
  static final Status DEGRADED =
      new Status("DEGRADED", "capturing, but less safely than configured");

  private final CaptureStatus status;
  private final Duration silenceLimit;

  CdcHealthIndicator(CaptureStatus status, Duration silenceLimit) {
    super("Could not read the capture status");
    this.status = status;
    this.silenceLimit = silenceLimit;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    CaptureHealth.Assessment assessment = CaptureHealth.assess(status, silenceLimit);
    switch (assessment.level()) {
      case UP -> health.up();
      case DEGRADED -> health.status(DEGRADED);
      case DOWN -> health.down();
    }
    health.withDetail("role", status.role().name());
    Instant activity = status.lastActivity();
    if (activity != null) {
      health.withDetail("lastActivity", activity.toString());
    }
    ReplicationSlot.State slot = status.slot();
    if (status.slotMeasuredAt() != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("exists", slot.exists());
      details.put("active", slot.isActive());
      if (slot.walStatus() != null) {
        details.put("walStatus", slot.walStatus());
      }
      details.put("lagBytes", slot.lagBytes());
      details.put("safeWalBytes", slot.safeWalBytes());
      details.put("measuredAt", status.slotMeasuredAt().toString());
      health.withDetail("slot", details);
    }
    if (!assessment.reasons().isEmpty()) {
      health.withDetail("reasons", assessment.reasons());
    }
  }
}
