package dev.flagstream.benchmarks.fanout;

import dev.flagstream.benchmarks.platform.Charts;
import dev.flagstream.benchmarks.platform.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A fan-out run's figures: each change's arrival on every stream, and the evaluator's memory,
 * threads and open files with no stream and with all of them open.
 *
 * @param streams the streams the run tried to open: those asked, or fewer where the evaluator's
 *     open-file limit would not take them
 * @param opened streams that got their first event
 * @param failed streams refused, or closed before their first event
 * @param heapBefore heap in use after a full collection, with no stream
 * @param heapOpen the same with the streams open
 * @param threadPeaks the evaluator's most threads while each change was delivered
 * @param deliveries each change's latency, from the admin's answer to its arrival on each stream
 */
record FanoutReport(
    FanoutOptions options,
    int streams,
    int opened,
    int failed,
    ProcessStatus before,
    ProcessStatus open,
    long heapBefore,
    long heapOpen,
    List<Integer> threadPeaks,
    List<Distribution> deliveries) {

  /** Arrivals missing: a stream that was open and did not get a change within the patience. */
  int lost() {
    return deliveries.stream().mapToInt(Distribution::lost).sum();
  }

  /** Every change's arrivals together. */
  Distribution all() {
    List<Long> nanos = new ArrayList<>();
    for (Distribution change : deliveries) {
      change.millis().forEach(ms -> nanos.add(Math.round(ms * 1e6)));
      nanos.addAll(Collections.nCopies(change.lost(), -1L));
    }
    return Distribution.ofNanos("all changes", nanos);
  }

  /** Resident memory added per open stream, in KiB. */
  double residentPerStream() {
    return perStream(open.residentBytes() - before.residentBytes());
  }

  /** Heap in use added per open stream, in KiB. */
  double heapPerStream() {
    return perStream(heapOpen - heapBefore);
  }

  private double perStream(long bytes) {
    return opened == 0 ? Double.NaN : bytes / 1024.0 / opened;
  }

  int mostThreads() {
    return threadPeaks.stream().mapToInt(Integer::intValue).max().orElse(open.threads());
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "## Fan-out: one change to %,d browser streams on one evaluator%n%n",
            opened));
    md.append(
        String.format(
            Locale.ROOT,
            "%,d streams asked for, %,d tried, %,d opened, %,d refused or failed. %d changes"
                + " measured, after %d unmeasured.",
            options.streams(),
            streams,
            opened,
            failed,
            options.changes(),
            options.warmupChanges()));
    if (streams < options.streams()) {
      md.append(
          String.format(
              Locale.ROOT,
              " The evaluator may open %,d files (RLIMIT_NOFILE) and had %,d open before any"
                  + " stream: a stream is a socket, so it cannot hold more here.",
              before.maxOpenFiles(),
              before.openFiles()));
    }
    md.append("\n\n");
    md.append("| change | streams | p50 ms | p90 ms | p99 ms | max ms | lost |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    deliveries.forEach(change -> md.append(change.row()).append('\n'));
    Distribution all = all();
    md.append(all.row()).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Target: one change on every stream with p99 < 1 s: p99 %.0f ms, %s.%n%n",
            all.percentile(0.99),
            lost() == 0 && all.percentile(0.99) < 1_000 ? "met" : "not met"));
    md.append(
        String.format(
            Locale.ROOT, "| the evaluator | no stream | %,d streams | per stream |%n", opened));
    md.append("|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| resident memory, after a full collection | %.0f MiB | %.0f MiB | %.1f KiB |%n",
            mib(before.residentBytes()),
            mib(open.residentBytes()),
            residentPerStream()));
    md.append(
        String.format(
            Locale.ROOT,
            "| heap in use, after a full collection | %.0f MiB | %.0f MiB | %.1f KiB |%n",
            mib(heapBefore),
            mib(heapOpen),
            heapPerStream()));
    md.append(
        String.format(
            Locale.ROOT,
            "| threads | %d | %d | %.3f |%n",
            before.threads(),
            open.threads(),
            opened == 0 ? Double.NaN : (open.threads() - before.threads()) / (double) opened));
    md.append(
        String.format(
            Locale.ROOT,
            "| threads at most while a change was delivered | | %d | |%n",
            mostThreads()));
    md.append(
        String.format(
            Locale.ROOT,
            "| open files (of %,d allowed) | %,d | %,d | |%n%n",
            before.maxOpenFiles(),
            before.openFiles(),
            open.openFiles()));
    md.append(
        String.format(
            Locale.ROOT,
            "Target: at most 20 KB per stream: %.1f KiB resident, %.1f KiB of heap, %s.%n",
            residentPerStream(),
            heapPerStream(),
            residentPerStream() <= 20 ? "met" : "not met"));
    return md.toString();
  }

  String csv() {
    StringBuilder csv = new StringBuilder("figure,value\n");
    csv.append("streams_asked,").append(options.streams()).append('\n');
    csv.append("streams_opened,").append(opened).append('\n');
    csv.append("streams_failed,").append(failed).append('\n');
    for (Distribution change : deliveries) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s p50_ms,%.1f%n%s p99_ms,%.1f%n%s lost,%d%n",
              change.consumer(),
              change.percentile(0.5),
              change.consumer(),
              change.percentile(0.99),
              change.consumer(),
              change.lost()));
    }
    csv.append("resident_bytes_before,").append(before.residentBytes()).append('\n');
    csv.append("resident_bytes_open,").append(open.residentBytes()).append('\n');
    csv.append("heap_bytes_before,").append(heapBefore).append('\n');
    csv.append("heap_bytes_open,").append(heapOpen).append('\n');
    csv.append("threads_before,").append(before.threads()).append('\n');
    csv.append("threads_open,").append(open.threads()).append('\n');
    csv.append("threads_most_delivering,").append(mostThreads()).append('\n');
    return csv.toString();
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("fanout.md"), markdown());
    Files.writeString(out.resolve("fanout.csv"), csv());
    Files.writeString(
        out.resolve("fanout.svg"),
        Charts.distribution(
            String.format(Locale.ROOT, "One change to %,d browser streams", opened),
            List.of(all())));
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
