package dev.flagstream.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class EvaluationCountsTest {
  private final Map<String, LongAdder[]> seen = new LinkedHashMap<>();

  @Test
  void evaluations_areCountedByFlagAndValue() {
    EvaluationCounts counts = new EvaluationCounts(10);
    counts.forEachFlag(seen::put);
    counts.record("a", true);
    counts.record("a", true);
    counts.record("a", false);
    counts.record("b", false);
    assertThat(seen).containsOnlyKeys(EvaluationCounts.OTHER, "a", "b");
    assertThat(sums("a")).containsExactly(1, 2);
    assertThat(sums("b")).containsExactly(1, 0);
    assertThat(sums(EvaluationCounts.OTHER)).containsExactly(0, 0);
  }

  @Test
  void flagsBeyondTheCap_areCountedAsOther() {
    EvaluationCounts counts = new EvaluationCounts(2);
    counts.forEachFlag(seen::put);
    counts.record("a", true);
    counts.record("b", true);
    counts.record("c", true);
    counts.record("d", false);
    counts.record("a", false);
    assertThat(seen).containsOnlyKeys(EvaluationCounts.OTHER, "a", "b");
    assertThat(sums(EvaluationCounts.OTHER)).containsExactly(1, 1);
    assertThat(sums("a")).containsExactly(1, 1);
  }

  @Test
  void aListenerComingLate_hearsOfTheFlagsCountedSoFar() {
    EvaluationCounts counts = new EvaluationCounts(5);
    counts.record("a", true);
    counts.forEachFlag(seen::put);
    counts.record("b", true);
    assertThat(seen).containsOnlyKeys(EvaluationCounts.OTHER, "a", "b");
    assertThat(sums("a")).containsExactly(0, 1);
  }

  @Test
  void aCapOfZero_countsEverythingAsOther_andANegativeOneIsRefused() {
    EvaluationCounts counts = new EvaluationCounts(0);
    counts.forEachFlag(seen::put);
    counts.record("a", true);
    assertThat(seen).containsOnlyKeys(EvaluationCounts.OTHER);
    assertThat(sums(EvaluationCounts.OTHER)).containsExactly(0, 1);
    assertThatThrownBy(() -> new EvaluationCounts(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private long[] sums(String flag) {
    LongAdder[] counters = seen.get(flag);
    return new long[] {counters[0].sum(), counters[1].sum()};
  }
}
