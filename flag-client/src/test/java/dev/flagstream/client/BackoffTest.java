package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final AtomicReference<Double> random = new AtomicReference<>(0.999_999);
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), random::get);

  @Test
  void delays_doubleUpToTheCap_andStartOverAfterASuccess() {
    assertThat(backoff.next()).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
    for (int i = 0; i < 60; i++) {
      backoff.next();
    }
    assertThat(backoff.next()).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    backoff.reset();
    assertThat(backoff.next()).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
  }

  @Test
  void jitter_drawsFromTheUpperHalf() {
    random.set(0.0);
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    random.set(0.5);
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(300));
  }
}
