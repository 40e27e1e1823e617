package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the usual designs mean for propagation, beside the measured figure. A change lands at a
 * moment unrelated to a cache's expiry or a poll's tick, so it waits a uniform share of the
 * interval: on average half, at the 99th percentile 99 % of it (plus the path itself, ignored here,
 * which only adds).
 */
final class Contrast {
  /** Name, interval in ms. Unleash's SDKs poll every 15 s (server) and 10–15 s (front end). */
  private static final Object[][] DESIGNS = {
    {"poll every 10 s", 10_000.0}, {"poll every 15 s", 15_000.0}, {"cache TTL 60 s", 60_000.0}
  };

  private Contrast() {}

  /** Each design as name, p50 ms, p99 ms; Flagstream's browser stream first. */
  static List<Object[]> designs(Distribution measured) {
    List<Object[]> designs = new ArrayList<>();
    designs.add(
        new Object[] {"Flagstream (stream)", measured.percentile(0.5), measured.percentile(0.99)});
    for (Object[] design : DESIGNS) {
      double interval = (double) design[1];
      designs.add(new Object[] {design[0], interval * 0.5, interval * 0.99});
    }
    return designs;
  }

  static String markdown(Distribution measured) {
    StringBuilder text =
        new StringBuilder(
            "### Beside the usual designs\n\n| design | p50 | p99 |\n|---|---|---|\n");
    for (Object[] design : designs(measured)) {
      text.append(
          String.format(
              Locale.ROOT, "| %s | %,.1f ms | %,.1f ms |%n", design[0], design[1], design[2]));
    }
    return text.toString();
  }
}
