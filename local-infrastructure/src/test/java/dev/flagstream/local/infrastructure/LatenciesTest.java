package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  private static Latencies ofMillis(long... millis) {
    Latencies latencies = new Latencies();
    for (long value : millis) {
      latencies.add(Duration.ofMillis(value));
    }
    return latencies;
  }

  @Test
  void percentile_isTheNearestRank_whateverTheOrderOfMeasurement() {
    Latencies latencies = ofMillis(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);

    assertThat(latencies.percentile(0.5)).isEqualTo(Duration.ofMillis(5));
    assertThat(latencies.percentile(0.9)).isEqualTo(Duration.ofMillis(9));
    assertThat(latencies.percentile(0.91)).isEqualTo(Duration.ofMillis(10));
    assertThat(latencies.percentile(0.01)).isEqualTo(Duration.ofMillis(1));
    assertThat(latencies.percentile(1)).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void summary_givesMillisecondsToATenth_andTheCount() {
    Latencies latencies = new Latencies();
    latencies.add(Duration.ofNanos(35_612_000));
    latencies.add(Duration.ofNanos(102_050_000));

    assertThat(latencies.summary())
        .isEqualTo("p50 35.6 ms, p90 102.1 ms, p99 102.1 ms, max 102.1 ms over 2");
  }

  @Test
  void percentile_ofNothing_orOutsideZeroToOne_isRefused() {
    assertThatThrownBy(() -> new Latencies().percentile(0.5))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ofMillis(1).percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ofMillis(1).percentile(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
