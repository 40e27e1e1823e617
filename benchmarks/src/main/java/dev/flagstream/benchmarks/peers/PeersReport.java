package dev.flagstream.benchmarks.peers;

import dev.flagstream.benchmarks.platform.BarChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a peers' run found: each SDK's time and allocation per call, and Flagstream's lead over each
 * peer (the peer's time over Flagstream's, in the same run: the figure to compare, since this
 * machine's speed varies by day).
 */
final class PeersReport {
  /**
   * One SDK's figures.
   *
   * @param nanos mean time a call, ns
   * @param error half the 99.9 % confidence interval of it, ns (NaN with one iteration)
   * @param bytes bytes allocated a call
   */
  record Row(Sdk sdk, double nanos, double error, double bytes) {
    /** Calls a second on one thread. */
    double perSecond() {
      return 1e9 / nanos;
    }
  }

  private final Path out;
  private final List<Row> rows;
  private final Row flagstream;

  PeersReport(Path out, List<Row> rows) {
    this.out = out;
    this.rows = rows.stream().sorted(Comparator.comparingDouble(Row::nanos)).toList();
    this.flagstream =
        rows.stream()
            .filter(row -> row.sdk().flagstream())
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Flagstream did not run"));
  }

  Path out() {
    return out;
  }

  List<Row> rows() {
    return rows;
  }

  /** How many times longer than Flagstream's a call of {@code row}'s SDK takes. */
  double lead(Row row) {
    return row.nanos() / flagstream.nanos();
  }

  String markdown() {
    StringBuilder md =
        new StringBuilder(
            "| SDK | version | ns/op | B/op | Flagstream's lead |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %,.0f | %s |%n",
              row.sdk().name(),
              row.sdk().version(),
              nanos(row),
              row.bytes(),
              row.sdk().flagstream() ? "" : String.format(Locale.ROOT, "%.1f×", lead(row))));
    }
    return md.toString();
  }

  String csv() {
    StringBuilder csv = new StringBuilder("sdk,version,ns_per_op,error_ns,bytes_per_op,lead\n");
    for (Row row : rows) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%.3f,%.3f,%.3f,%.3f%n",
              row.sdk().name(),
              row.sdk().version(),
              row.nanos(),
              row.error(),
              row.bytes(),
              lead(row)));
    }
    return csv.toString();
  }

  /** Calls a second on one thread: the bar a reader compares is the length, so longer is better. */
  String chart() {
    BarChart chart = new BarChart("Flag checks a second on one thread (JMH; longer is faster)");
    for (Row row : rows) {
      String text =
          String.format(
              Locale.ROOT,
              "%s/s · %s · %,.0f B",
              perSecond(row.perSecond()),
              nanos(row).replace(" ± ", "±"),
              row.bytes());
      if (row.sdk().flagstream()) {
        chart.bar(row.sdk().label(), row.perSecond(), text);
      } else {
        chart.peer(row.sdk().label(), row.perSecond(), text);
      }
    }
    return chart
        .note("one flag at a 50 % rollout, the same 1,024 user ids, each SDK's public API")
        .svg();
  }

  void write() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("peers.md"), markdown());
    Files.writeString(out.resolve("peers.csv"), csv());
    Files.writeString(out.resolve("peers.svg"), chart());
  }

  private static String nanos(Row row) {
    String mean = row.nanos() < 100 ? "%.1f" : "%,.0f";
    String value = String.format(Locale.ROOT, mean + " ns", row.nanos());
    if (Double.isNaN(row.error())) {
      return value;
    }
    return String.format(Locale.ROOT, mean + " ± " + mean + " ns", row.nanos(), row.error());
  }

  private static String perSecond(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
  }
}
