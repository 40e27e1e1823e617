package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.Charts;
import dev.flagstream.benchmarks.platform.Distribution;
import dev.flagstream.benchmarks.platform.HopMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run measured: its phases, as Markdown, raw figures (CSV) and charts (SVG). */
record PropagationReport(Options options, Phase sequential, Phase loaded) {
  /**
   * One phase.
   *
   * @param consumers admin answer to each consumer
   * @param fromCommit the commit in PostgreSQL to the Java client's listener
   * @param hops the services' own timers over the phase
   */
  record Phase(
      String name, List<Distribution> consumers, Distribution fromCommit, List<HopMetrics> hops) {
    static Phase of(
        String name,
        List<Change> changes,
        List<Arrivals> consumers,
        List<Duration> fromCommit,
        List<HopMetrics> hops) {
      List<Distribution> distributions = new ArrayList<>();
      for (Arrivals consumer : consumers) {
        distributions.add(Distribution.ofNanos(consumer.consumer(), consumer.latencies(changes)));
      }
      return new Phase(
          name,
          distributions,
          Distribution.ofDurations("commit to Java client listener", fromCommit),
          hops);
    }

    /** The evaluator is asked about the probe flag only; the others see every change. */
    static Phase ofLoaded(
        String name,
        List<Change> changes,
        List<Change> probed,
        Arrivals evaluator,
        List<Arrivals> others,
        List<Duration> fromCommit,
        List<HopMetrics> hops) {
      Phase all = of(name, changes, others, fromCommit, hops);
      List<Distribution> consumers = new ArrayList<>();
      consumers.add(
          Distribution.ofNanos(
              evaluator.consumer() + " (probe flag)", evaluator.latencies(probed)));
      consumers.addAll(all.consumers());
      return new Phase(name, consumers, all.fromCommit(), hops);
    }

    int lost() {
      return consumers.stream().mapToInt(Distribution::lost).sum();
    }

    String markdown() {
      StringBuilder text = new StringBuilder();
      text.append("### ").append(name).append("\n\nFrom the admin's answer:\n\n");
      text.append(Distribution.header()).append('\n');
      consumers.forEach(c -> text.append(c.row()).append('\n'));
      text.append("\nThe platform's own share, from the commit in PostgreSQL:\n\n");
      text.append(Distribution.header()).append('\n');
      text.append(fromCommit.row()).append('\n');
      for (HopMetrics hop : hops) {
        text.append(
            String.format(
                Locale.ROOT,
                "| %s (service timer, bucket bounds) | %d | ≤ %s | ≤ %s | ≤ %s | | |%n",
                hop.name(),
                hop.count(),
                millis(hop.percentile(0.5)),
                millis(hop.percentile(0.9)),
                millis(hop.percentile(0.99))));
      }
      return text.toString();
    }

    private static String millis(Duration duration) {
      return duration == null
          ? "n/a"
          : String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
    }
  }

  int lost() {
    return sequential.lost() + (loaded == null ? 0 : loaded.lost());
  }

  String markdown() {
    StringBuilder text = new StringBuilder("## Propagation\n\n");
    if (!options.adminSettings().isEmpty() || !options.evaluatorSettings().isEmpty()) {
      text.append("Settings: admin ")
          .append(options.adminSettings())
          .append(", evaluator ")
          .append(options.evaluatorSettings())
          .append("\n\n");
    }
    text.append(sequential.markdown());
    if (loaded != null) {
      text.append('\n').append(loaded.markdown());
    }
    text.append('\n').append(Contrast.markdown(browserStream(sequential)));
    return text.toString();
  }

  void write(Path directory) throws IOException {
    Files.writeString(directory.resolve("propagation.md"), markdown());
    StringBuilder csv = new StringBuilder("phase,consumer,latency_ms\n");
    for (Phase phase : loaded == null ? List.of(sequential) : List.of(sequential, loaded)) {
      for (Distribution consumer : phase.consumers()) {
        for (double ms : consumer.millis()) {
          csv.append(
              String.format(
                  Locale.ROOT, "\"%s\",\"%s\",%.3f%n", phase.name(), consumer.consumer(), ms));
        }
      }
    }
    Files.writeString(directory.resolve("propagation.csv"), csv);
    Files.writeString(
        directory.resolve("propagation-one-at-a-time.svg"),
        Charts.distribution(
            "Admin change to each consumer, one change at a time", sequential.consumers()));
    if (loaded != null) {
      Files.writeString(
          directory.resolve("propagation-under-load.svg"),
          Charts.distribution("Admin change to each consumer, under load", loaded.consumers()));
    }
    Files.writeString(
        directory.resolve("propagation-contrast.svg"),
        Charts.contrast(
            "Propagation: Flagstream beside a cache TTL and polling",
            Contrast.designs(browserStream(sequential))));
  }

  private static Distribution browserStream(Phase phase) {
    return phase.consumers().get(phase.consumers().size() - 1);
  }
}
