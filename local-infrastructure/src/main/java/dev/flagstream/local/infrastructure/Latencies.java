package dev.flagstream.local.infrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latencies a harness measured, summarised by nearest-rank percentiles: the figures the latency
 * harnesses ({@code -Platency}) print for docs/BENCHMARKS.md. Not thread-safe.
 */
public final class Latencies {
  private final List<Long> nanos = new ArrayList<>();

  /** Adds one measurement. */
  public void add(Duration latency) {
    nanos.add(latency.toNanos());
  }

  /** How many measurements were added. */
  public int count() {
    return nanos.size();
  }

  /**
   * The nearest-rank percentile: the smallest measurement that at least {@code fraction} of all
   * measurements do not exceed.
   *
   * @param fraction above 0 and at most 1, e.g. 0.99 for the 99th percentile
   * @throws IllegalStateException when nothing was measured
   */
  public Duration percentile(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("a fraction above 0 and at most 1: " + fraction);
    }
    if (nanos.isEmpty()) {
      throw new IllegalStateException("nothing was measured");
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    int rank = (int) Math.ceil(fraction * sorted.size());
    return Duration.ofNanos(sorted.get(rank - 1));
  }

  /** {@code p50 …, p90 …, p99 …, max … over n}, in milliseconds to a tenth. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "p50 %s, p90 %s, p99 %s, max %s over %d",
        millis(percentile(0.50)),
        millis(percentile(0.90)),
        millis(percentile(0.99)),
        millis(percentile(1)),
        count());
  }

  private static String millis(Duration latency) {
    return String.format(Locale.ROOT, "%.1f ms", latency.toNanos() / 1e6);
  }
}
