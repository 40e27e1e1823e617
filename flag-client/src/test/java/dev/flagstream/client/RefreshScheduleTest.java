package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {
  private static final Duration NORMAL = Duration.ofSeconds(60);
  private static final Duration STALE = Duration.ofSeconds(2);

  private final AtomicLong now = new AtomicLong(42);
  private final AtomicReference<Double> random = new AtomicReference<>(0.5); // no jitter

  private RefreshSchedule schedule(boolean dueAtOnce) {
    return new RefreshSchedule(NORMAL, STALE, now::get, random::get, dueAtOnce);
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void healthy_refreshesEveryInterval_fromTheLastAttempt() {
    RefreshSchedule schedule = schedule(false);
    advance(NORMAL.minusNanos(1));
    assertThat(schedule.isDue(true)).isFalse();
    advance(Duration.ofNanos(1));
    assertThat(schedule.isDue(true)).isTrue();
    schedule.attempted();
    assertThat(schedule.isDue(true)).isFalse();
  }

  @Test
  void unhealthy_refreshesEveryStaleInterval_andHealthyAgainGoesBack() {
    RefreshSchedule schedule = schedule(false);
    advance(Duration.ofSeconds(50));
    assertThat(schedule.isDue(false)).as("stale after 50 s: due at once").isTrue();
    schedule.attempted();
    advance(STALE.minusNanos(1));
    assertThat(schedule.isDue(false)).isFalse();
    advance(Duration.ofNanos(1));
    assertThat(schedule.isDue(false)).isTrue();
    assertThat(schedule.isDue(true)).as("healthy again: the normal interval").isFalse();
  }

  @Test
  void dueAtOnce_untilTheFirstAttempt() {
    RefreshSchedule schedule = schedule(true);
    assertThat(schedule.isDue(true)).isTrue();
    schedule.attempted();
    assertThat(schedule.isDue(false)).isFalse();
  }

  @Test
  void jitter_isWithinTwentyPercent() {
    random.set(0.0);
    RefreshSchedule early = schedule(false);
    advance(Duration.ofMillis(1_600));
    assertThat(early.isDue(false)).isTrue();
    random.set(0.999_999);
    RefreshSchedule late = schedule(false);
    advance(Duration.ofMillis(2_399));
    assertThat(late.isDue(false)).isFalse();
    advance(Duration.ofMillis(1));
    assertThat(late.isDue(false)).isTrue();
  }
}
