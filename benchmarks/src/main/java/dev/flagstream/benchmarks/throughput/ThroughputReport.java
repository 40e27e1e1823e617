package dev.flagstream.benchmarks.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Measured m : measured) {
      labels.add("Flagstream, " + m.scenario().label());
      values.add(Double.isNaN(m.perCpuSecond()) ? m.perSecond() : m.perCpuSecond());
    }
    labels.add("Unleash Edge /api/frontend (published)");
    values.add(EDGE_PER_CPU);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double scale = niceCeiling(max);
    int left = 280;
    int width = 760;
    int row = 44;
    int top = 50;
    int height = top + row * values.size() + 40;
    double plot = width - left - 90;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">"
                + "Requests answered per CPU-second of the server, %d flags</text>%n",
            width,
            height,
            width / 2,
            options.flags()));
    for (int i = 0; i < values.size(); i++) {
      double y = top + i * row;
      double w = plot * values.get(i) / scale;
      boolean edge = i == values.size() - 1;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n"
                  + "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"26\" fill=\"%s\"/>%n"
                  + "<text x=\"%.1f\" y=\"%.1f\">%,.0f</text>%n",
              left - 8,
              y + 17,
              escape(labels.get(i)),
              left,
              y,
              w,
              edge ? "#999999" : "#1f77b4",
              left + w + 6,
              y + 17,
              values.get(i)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" fill=\"#555\">grey: the peer's own published figure, not run"
                + " here</text>%n</svg>%n",
            left,
            height - 12));
    return svg.toString();
  }

  static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (value <= step * magnitude) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("throughput.md"), markdown());
    Files.writeString(directory.resolve("throughput.csv"), csv());
    Files.writeString(directory.resolve("throughput.svg"), chart());
  }
}
