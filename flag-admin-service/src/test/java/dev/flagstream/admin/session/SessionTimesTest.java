package dev.flagstream.admin.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTimesTest {
  private static final Instant SIGN_IN = Instant.parse("2026-12-01T08:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final Duration ABSOLUTE = Duration.ofHours(12);

  private static SessionTimes seenAt(Instant lastSeen) {
    return new SessionTimes(SIGN_IN, lastSeen, IDLE, ABSOLUTE);
  }

  @Test
  void anActiveSession_endsIdleTimeAfterItsLatestRequest() {
    SessionTimes times = seenAt(SIGN_IN.plus(Duration.ofHours(2)));
    Instant end = SIGN_IN.plus(Duration.ofHours(2)).plus(IDLE);
    assertThat(times.expiresAt()).isEqualTo(end);
    assertThat(times.endedBy(end)).as("still valid at the very instant").isFalse();
    assertThat(times.endedBy(end.plusMillis(1))).isTrue();
    assertThat(times.endedBy(end.minusSeconds(60))).isFalse();
  }

  @Test
  void howeverActive_aSessionEndsTheAbsoluteTimeoutAfterSignIn() {
    SessionTimes times = seenAt(SIGN_IN.plus(ABSOLUTE).minusSeconds(60));
    Instant end = SIGN_IN.plus(ABSOLUTE);
    assertThat(times.expiresAt()).isEqualTo(end);
    assertThat(times.endedBy(end)).isFalse();
    assertThat(times.endedBy(end.plusMillis(1))).isTrue();
  }

  @Test
  void whenBothLimitsFallTogether_thatIsTheEnd() {
    SessionTimes times = seenAt(SIGN_IN.plus(ABSOLUTE).minus(IDLE));
    assertThat(times.expiresAt()).isEqualTo(SIGN_IN.plus(ABSOLUTE));
  }

  @Test
  void anIdleTimeOfZeroOrLess_meansNoIdleLimit_onlyTheAbsoluteOne() {
    for (Duration none : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
      SessionTimes times = new SessionTimes(SIGN_IN, SIGN_IN, none, ABSOLUTE);
      assertThat(times.expiresAt()).isEqualTo(SIGN_IN.plus(ABSOLUTE));
      assertThat(times.endedBy(SIGN_IN.plus(Duration.ofHours(11)))).isFalse();
    }
    assertThat(new SessionTimes(SIGN_IN, SIGN_IN, Duration.ofSeconds(1), ABSOLUTE).expiresAt())
        .isEqualTo(SIGN_IN.plusSeconds(1));
  }
}
