package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the rows written since one read can be told by their 32-bit transaction ids. */
class TableStateTest {
  private static final Instant STARTED = Instant.parse("2026-12-01T08:00:00Z");
  private static final long EPOCH_1 = 1L << 32;

  private static TableState state(long xmin, long xmax) {
    return new TableState(10, xmin, xmax, STARTED);
  }

  @Test
  void aLaterReadOfTheSameServerInTheSameEpoch_isComparable() {
    assertThat(state(100, 105).comparableWith(state(103, 110))).isTrue();
    assertThat(state(100, 105).comparableWith(state(100, 100))).as("nothing ran since").isTrue();
  }

  @Test
  void idsThatWentBackwards_orAnotherServer_areNot() {
    assertThat(state(100, 105).comparableWith(state(90, 99))).isFalse();
    assertThat(state(100, 105).comparableWith(new TableState(10, 103, 110, STARTED.plusSeconds(1))))
        .as("restarted or replaced: its ids say nothing of the previous server's")
        .isFalse();
  }

  @Test
  void idsThatWrappedAroundInto_aNewEpoch_areNot() {
    TableState late = state(EPOCH_1 - 10, EPOCH_1 - 5);
    assertThat(late.comparableWith(state(EPOCH_1 - 8, EPOCH_1 - 1))).isTrue();
    assertThat(late.comparableWith(state(EPOCH_1 - 8, EPOCH_1 + 3))).isFalse();
  }

  @Test
  void theRowXmin_isTheIdWithoutItsEpoch() {
    assertThat(state(EPOCH_1 + 42, EPOCH_1 + 50).rowXmin()).isEqualTo(42);
    assertThat(state(EPOCH_1 - 1, EPOCH_1).rowXmin()).isEqualTo(0xFFFF_FFFFL);
  }
}
