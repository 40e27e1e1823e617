package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.cdc.CaptureHealth.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capture health, the same for the health component and the gauge (finding H6). */
class CaptureHealthTest {
  private static final Duration LIMIT = Duration.ofSeconds(45);
  private final MutableClock clock = new MutableClock();
  private final CaptureStatus status = new CaptureStatus(clock);

  private Level level() {
    return CaptureHealth.assess(status, LIMIT).level();
  }

  private static ReplicationSlot.State slot(Integer pid, String walStatus) {
    return new ReplicationSlot.State(true, pid, walStatus, 100, -1);
  }

  @Test
  void capturing_orStandingByWhileAnotherCaptures_isUp() {
    status.role(CaptureStatus.Role.CAPTURING);
    status.slot(slot(42, "reserved"));
    assertThat(level()).isEqualTo(Level.UP);
    status.role(CaptureStatus.Role.STANDBY);
    assertThat(level()).isEqualTo(Level.UP);
  }

  @Test
  void aFailingOrHandedOverCapture_isDown_withItsReason() {
    status.failed("TimeoutException");
    var assessment = CaptureHealth.assess(status, LIMIT);
    assertThat(assessment.level()).isEqualTo(Level.DOWN);
    assertThat(assessment.reasons()).anySatisfy(r -> assertThat(r).contains("TimeoutException"));
    status.handedOver();
    assertThat(level()).isEqualTo(Level.DOWN);
  }

  @Test
  void aCaptureThatHandsOverNothingForTooLong_isDown() {
    status.role(CaptureStatus.Role.STARTING);
    status.active();
    assertThat(status.role())
        .as("the first batch shows it streams")
        .isEqualTo(CaptureStatus.Role.CAPTURING);
    clock.advance(LIMIT.plusSeconds(1));
    assertThat(level()).isEqualTo(Level.DOWN);
    status.active();
    assertThat(level()).isEqualTo(Level.UP);
  }

  @Test
  void aRetryAfterAFailure_staysDown_untilItStreams() {
    status.failed("TimeoutException");
    status.role(CaptureStatus.Role.STARTING);
    assertThat(level()).as("starting again is no recovery yet").isEqualTo(Level.DOWN);
    status.active();
    assertThat(level()).isEqualTo(Level.UP);
  }

  @Test
  void anEngineThatNeverStartsStreaming_isDown() {
    status.role(CaptureStatus.Role.STARTING);
    assertThat(level()).isEqualTo(Level.UP);
    clock.advance(LIMIT.plusSeconds(1));
    assertThat(level()).isEqualTo(Level.DOWN);
  }

  @Test
  void aSlotNoReplicaStreamsFrom_isDown_onEveryReplica() {
    status.role(CaptureStatus.Role.STANDBY);
    status.slot(slot(null, "reserved"));
    assertThat(level()).as("a takeover takes a moment").isEqualTo(Level.UP);
    clock.advance(LIMIT.plusSeconds(1));
    status.slot(slot(null, "extended"));
    assertThat(level()).isEqualTo(Level.DOWN);
    status.slot(slot(7, "extended"));
    assertThat(level()).isEqualTo(Level.UP);
  }

  @Test
  void aLostSlot_isDown_anUnreservedOne_degraded() {
    status.role(CaptureStatus.Role.CAPTURING);
    status.slot(slot(7, "unreserved"));
    assertThat(level()).isEqualTo(Level.DEGRADED);
    status.slot(new ReplicationSlot.State(true, null, "lost", -1, -1));
    assertThat(level()).isEqualTo(Level.DOWN);
  }

  @Test
  void aWeakTopic_isDegraded_whileCapturing() {
    status.role(CaptureStatus.Role.CAPTURING);
    status.topicWeaknesses(List.of("topic t has 1 replica(s)"));
    var assessment = CaptureHealth.assess(status, LIMIT);
    assertThat(assessment.level()).isEqualTo(Level.DEGRADED);
    assertThat(assessment.reasons()).containsExactly("topic t has 1 replica(s)");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
