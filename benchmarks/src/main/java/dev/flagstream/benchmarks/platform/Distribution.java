package dev.flagstream.benchmarks.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The latencies of one consumer in one phase, in milliseconds, sorted; lost changes counted. */
public record Distribution(String consumer, List<Double> millis, int lost) {
  public static Distribution ofNanos(String consumer, List<Long> nanos) {
    List<Double> millis = new ArrayList<>();
    int lost = 0;
    for (long latency : nanos) {
      if (latency < 0) {
        lost++;
      } else {
        millis.add(latency / 1e6);
      }
    }
    Collections.sort(millis);
    return new Distribution(consumer, List.copyOf(millis), lost);
  }

  public static Distribution ofDurations(String consumer, List<Duration> durations) {
    List<Long> nanos = new ArrayList<>();
    durations.forEach(d -> nanos.add(d.isNegative() ? 0 : d.toNanos()));
    return ofNanos(consumer, nanos);
  }

  /** The nearest-rank percentile, in milliseconds; NaN when nothing arrived. */
  public double percentile(double fraction) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(fraction * millis.size());
    return millis.get(Math.max(0, Math.min(millis.size() - 1, rank - 1)));
  }

  public String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |",
        consumer,
        millis.size(),
        percentile(0.5),
        percentile(0.9),
        percentile(0.99),
        millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1),
        lost);
  }

  public static String header() {
    return "| consumer | changes | p50 ms | p90 ms | p99 ms | max ms | lost |\n|---|---|---|---|---|---|---|";
  }
}
