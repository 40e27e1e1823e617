package dev.flagstream.benchmarks.throughput;

import dev.flagstream.benchmarks.platform.BarChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a throughput run measured, as Markdown, raw figures (CSV) and a chart (SVG) beside Unleash
 * Edge's published figure for the same kind of request.
 *
 * @param placement where the evaluator and the generator ran
 * @param bodyBytes each scenario's response body size, in the order of {@code measured}
 */
record ThroughputReport(
    ThroughputOptions options,
    String generator,
    String placement,
    List<Measured> measured,
    List<Integer> bodyBytes) {

  /**
   * Unleash Edge's published figure: 6,900 requests a second on 1 CPU for {@code /api/frontend}
   * (every enabled toggle for a context) over 350 features; hey, 10 s, p95 7.4 ms
   * (github.com/Unleash/unleash-edge, docs/benchmarking.md).
   */
  static final double EDGE_PER_CPU = 6_900;

  long failed() {
    return measured.stream().mapToLong(Measured::failed).sum();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
            String.format(
                Locale.ROOT,
                "### Evaluator throughput: %d flags, %d s a scenario after %d s of warm-up%n%n",
                options.flags(),
                options.seconds(),
                options.warmupSeconds()))
        .append("Load: ")
        .append(generator)
        .append(". ")
        .append(placement)
        .append(".\n\n")
        .append(
            "| request | response body | requests/s | evaluator CPU (cores) | requests per"
                + " evaluator CPU-second | p50 | p99 | failed | each core busy |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < measured.size(); i++) {
      Measured m = measured.get(i);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,.0f | %.2f | %,.0f | %.2f ms | %.2f ms | %d | %s |%n",
              m.scenario().label(),
              bytes(bodyBytes.get(i)),
              m.perSecond(),
              m.evaluatorCores(),
              m.perCpuSecond(),
              m.p50Micros() / 1000,
              m.p99Micros() / 1000,
              m.failed(),
              busy(m.coresBusy())));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| Unleash Edge `/api/frontend`, 350 features (published) | about 13 KB | %,.0f on 1"
                + " CPU | 1 | %,.0f | | p95 7.4 ms | | |%n",
            EDGE_PER_CPU,
            EDGE_PER_CPU));
    return md.toString();
  }

  private static String busy(List<Double> cores) {
    if (cores.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (double core : cores) {
      text.append(text.isEmpty() ? "" : ", ").append(Math.round(core * 100)).append(" %");
    }
    return text.toString();
  }

  private static String bytes(int bytes) {
    return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  String csv() {
    StringBuilder csv =
        new StringBuilder(
            "scenario,body_bytes,requests,failed,seconds,requests_per_second,"
                + "evaluator_cpu_seconds,p50_micros,p99_micros\n");
    for (int i = 0; i < measured.size(); i++) {
      Measured m = measured.get(i);
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%d,%.3f,%.1f,%.3f,%.0f,%.0f%n",
              m.scenario().name(),
              bodyBytes.get(i),
              m.requests(),
              m.failed(),
              m.seconds(),
              m.perSecond(),
              m.evaluatorCpuSeconds(),
              m.p50Micros(),
              m.p99Micros()));
    }
    return csv.toString();
  }

  /** Horizontal bars: requests per evaluator CPU-second for each scenario, and Edge's per CPU. */
  String chart() {
    BarChart chart =
        new BarChart(
            String.format(
                Locale.ROOT,
                "Requests answered per CPU-second of the server, %d flags",
                options.flags()));
    for (Measured m : measured) {
      double figure = Double.isNaN(m.perCpuSecond()) ? m.perSecond() : m.perCpuSecond();
      chart.bar(
          "Flagstream, " + m.scenario().label(),
          figure,
          String.format(Locale.ROOT, "%,.0f", figure));
    }
    return chart
        .peer(
            "Unleash Edge /api/frontend (published)",
            EDGE_PER_CPU,
            String.format(Locale.ROOT, "%,.0f", EDGE_PER_CPU))
        .note("grey: the peer's own published figure, not run here")
        .svg();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("throughput.md"), markdown());
    Files.writeString(directory.resolve("throughput.csv"), csv());
    Files.writeString(directory.resolve("throughput.svg"), chart());
  }
}
