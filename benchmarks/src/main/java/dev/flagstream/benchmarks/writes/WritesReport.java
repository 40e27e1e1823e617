package dev.flagstream.benchmarks.writes;

import dev.flagstream.benchmarks.platform.Charts;
import dev.flagstream.benchmarks.platform.Distribution;
import dev.flagstream.benchmarks.platform.HopMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A write-path run's figures: the sustained writes with their latency and the capture's, the bulk
 * writes, and the sizes of the stores after them.
 *
 * @param capture the admin's commit-to-capture and commit-to-publish timers over the sustained
 *     phase
 * @param bulk the writes made as fast as answered after it; null when none were needed
 * @param changes changes made in all (the flags' creation aside)
 */
record WritesReport(
    WritesOptions options,
    PacedWriter.Result sustained,
    List<HopMetrics> capture,
    PacedWriter.@Nullable Result bulk,
    long changes,
    Sizes sizes) {

  Distribution latencies() {
    return Distribution.ofNanos("admin write", sustained.latenciesNanos());
  }

  /**
   * Whether the sustained phase kept the asked rate, without a failure, the capture within 100 ms.
   */
  boolean targetMet() {
    Duration lag = capture.get(0).percentile(0.99);
    return sustained.failed() == 0
        && sustained.perSecond() >= 0.98 * options.writesPerSecond()
        && lag != null
        && lag.toMillis() < 100;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    Distribution writes = latencies();
    md.append(
        String.format(
            Locale.ROOT,
            "## Write path: %d admin writes a second asked for, %d s, over %d flags%n%n",
            options.writesPerSecond(),
            options.seconds(),
            options.flags()));
    md.append("| what | writes | a second | p50 | p99 | max | failed |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| admin write, from when it was due to its answer | %,d | %.0f | %.1f ms | %.1f ms |"
                + " %.1f ms | %d |%n",
            sustained.answered(),
            sustained.perSecond(),
            writes.percentile(0.5),
            writes.percentile(0.99),
            writes.percentile(1.0),
            sustained.failed()));
    for (HopMetrics timer : capture) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s (the admin's timer) | %,d | | %s | %s | | |%n",
              timer.name().replace("flagstream_cdc_", "").replace('_', ' '),
              timer.count(),
              millis(timer.percentile(0.5)),
              millis(timer.percentile(0.99))));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nTarget: at least 500 writes a second, the capture keeping up (commit to capture p99"
                + " < 100 ms): %s.%n",
            options.writesPerSecond() >= 500 && targetMet() ? "met" : "not met"));
    if (bulk != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nThen %,d writes as fast as answered (%d in flight): %.0f a second, %d failed.%n",
              bulk.answered() + bulk.failed(),
              options.connections(),
              bulk.perSecond(),
              bulk.failed()));
    }
    md.append(String.format(Locale.ROOT, "%n### The stores after %,d changes%n%n", changes));
    md.append("| store | size | rows or records |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT, "| PostgreSQL database | %.1f MiB | |%n", mib(sizes.databaseBytes())));
    for (Sizes.Table table : sizes.tables()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| table %s | %.1f MiB | %,d |%n",
              table.name(),
              mib(table.bytes()),
              table.rows()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| WAL kept for the capture's slot | %.1f MiB | |%n",
            mib(sizes.slotRetainedBytes())));
    md.append(
        String.format(
            Locale.ROOT,
            "| Kafka flag topic on disk | %.1f MiB | %,d written |%n",
            mib(sizes.topicBytes()),
            sizes.topicRecordsWritten()));
    return md.toString();
  }

  String csv() {
    Distribution writes = latencies();
    StringBuilder csv = new StringBuilder("figure,value\n");
    csv.append("writes_asked_per_second,").append(options.writesPerSecond()).append('\n');
    csv.append(String.format(Locale.ROOT, "writes_per_second,%.1f%n", sustained.perSecond()));
    csv.append(String.format(Locale.ROOT, "write_p50_ms,%.2f%n", writes.percentile(0.5)));
    csv.append(String.format(Locale.ROOT, "write_p99_ms,%.2f%n", writes.percentile(0.99)));
    csv.append("writes_failed,").append(sustained.failed()).append('\n');
    for (HopMetrics timer : capture) {
      csv.append(timer.name())
          .append("_p99_ms,")
          .append(millis(timer.percentile(0.99)))
          .append('\n');
    }
    csv.append("changes,").append(changes).append('\n');
    csv.append("database_bytes,").append(sizes.databaseBytes()).append('\n');
    csv.append("slot_retained_bytes,").append(sizes.slotRetainedBytes()).append('\n');
    csv.append("topic_bytes,").append(sizes.topicBytes()).append('\n');
    csv.append("topic_records_written,").append(sizes.topicRecordsWritten()).append('\n');
    return csv.toString();
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("writes.md"), markdown());
    Files.writeString(out.resolve("writes.csv"), csv());
    Files.writeString(
        out.resolve("writes.svg"),
        Charts.distribution(
            String.format(Locale.ROOT, "Admin writes at %d a second", options.writesPerSecond()),
            List.of(latencies())));
  }

  private static String millis(@Nullable Duration duration) {
    return duration == null
        ? "n/a"
        : String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
