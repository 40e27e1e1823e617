package dev.flagstream.benchmarks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void percentiles_areNearestRank_andLostChangesAreCountedApart() {
    Distribution d =
        Distribution.ofNanos("x", List.of(4_000_000L, -1L, 1_000_000L, 3_000_000L, 2_000_000L));

    assertThat(d.millis()).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(d.lost()).isEqualTo(1);
    assertThat(d.percentile(0.5)).isEqualTo(2.0);
    assertThat(d.percentile(0.99)).isEqualTo(4.0);
    assertThat(d.row()).isEqualTo("| x | 4 | 2.0 | 4.0 | 4.0 | 4.0 | 1 |");
  }

  @Test
  void aConsumerThatSawNothing_hasNoPercentiles() {
    assertThat(Distribution.ofNanos("x", List.of(-1L)).percentile(0.5)).isNaN();
  }
}
