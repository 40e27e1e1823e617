package dev.flagstream.benchmarks.coldstart;

import dev.flagstream.benchmarks.platform.BarChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a cold-start run measured, as Markdown, raw figures (CSV) and a chart (SVG).
 *
 * @param imported the import of every flag through the admin API
 * @param caughtUp from the import's start to the running evaluator holding every flag
 * @param emptyStarts evaluators' launch to ready on the empty topic, one after the other
 * @param fullStarts evaluators' launch to ready with every flag on the topic
 * @param held the flags the last of them held once ready
 * @param evaluatorHeap its heap after a full collection, in bytes
 * @param clientReady a Java client's {@code build()} to ready
 * @param clientHeap the heap the client added, after full collections, in bytes
 * @param snapshotsAfterChange requests for the admin's snapshot, each right after a flag changed,
 *     answer read whole
 * @param snapshotsUnchanged requests for it with nothing changed since the last
 * @param snapshotBytes the size of the snapshot
 */
record ColdStartReport(
    ColdStartOptions options,
    Duration imported,
    Duration caughtUp,
    List<Duration> emptyStarts,
    List<Duration> fullStarts,
    int held,
    long evaluatorHeap,
    Duration clientReady,
    int clientFlags,
    long clientHeap,
    List<Duration> snapshotsAfterChange,
    List<Duration> snapshotsUnchanged,
    long snapshotBytes) {

  Duration emptyStart() {
    return median(emptyStarts);
  }

  Duration fullStart() {
    return median(fullStarts);
  }

  Duration snapshotAfterChange() {
    return median(snapshotsAfterChange);
  }

  Duration snapshotUnchanged() {
    return median(snapshotsUnchanged);
  }

  /** ", median of 3: 12.1, 10.9, 11.4 s" for several starts; nothing for one. */
  private static String ofStarts(List<Duration> starts) {
    if (starts.size() < 2) {
      return "";
    }
    return starts.stream()
        .map(start -> String.format(Locale.ROOT, "%.1f", start.toMillis() / 1000.0))
        .collect(Collectors.joining(", ", ", median of " + starts.size() + ": ", " s"));
  }

  private static Duration median(List<Duration> durations) {
    return durations.stream().sorted().toList().get(durations.size() / 2);
  }

  String markdown() {
    int n = options.flags();
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "### Cold start with %,d flags on the topic%n%n", n))
        .append("| what | measured | target |\n|---|---|---|\n");
    row(
        md,
        "evaluator, launch to ready, empty topic" + ofStarts(emptyStarts),
        seconds(emptyStart()),
        "");
    row(
        md,
        String.format(Locale.ROOT, "evaluator, launch to ready, %,d flags (%,d held)", n, held)
            + ofStarts(fullStarts),
        seconds(fullStart()),
        "< 5 s");
    row(
        md,
        "of which reading the flags (the difference)",
        seconds(fullStart().minus(emptyStart())),
        "");
    row(md, "evaluator heap after a full collection", mib(evaluatorHeap), "< 256 MiB");
    row(
        md,
        String.format(Locale.ROOT, "Java client, build() to ready (%,d flags)", clientFlags),
        seconds(clientReady),
        "< 5 s");
    row(md, "heap the Java client added, after full collections", mib(clientHeap), "< 256 MiB");
    row(
        md,
        String.format(
            Locale.ROOT,
            "admin snapshot of %,d flags (%.1f MB) right after a change, median of %d",
            n,
            snapshotBytes / 1e6,
            snapshotsAfterChange.size()),
        seconds(snapshotAfterChange()),
        "< 1 s");
    row(
        md,
        String.format(
            Locale.ROOT,
            "admin snapshot with nothing changed, median of %d",
            snapshotsUnchanged.size()),
        seconds(snapshotUnchanged()),
        "< 1 s");
    row(
        md,
        String.format(Locale.ROOT, "import of %,d flags through the admin API", n),
        String.format(
            Locale.ROOT, "%s (%,.0f flags/s)", seconds(imported), n / seconds(imported.toNanos())),
        "");
    row(md, "the running evaluator held them all, from the import's start", seconds(caughtUp), "");
    return md.toString();
  }

  private static void row(StringBuilder md, String what, String measured, String target) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(target)
        .append(" |\n");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", seconds(duration.toNanos()));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  String csv() {
    return String.format(
        Locale.ROOT,
        "figure,value%nflags,%d%nimport_seconds,%.3f%ncaught_up_seconds,%.3f%n"
            + "evaluator_empty_start_seconds,%.3f%nevaluator_full_start_seconds,%.3f%n"
            + "evaluator_flags_held,%d%nevaluator_heap_bytes,%d%nclient_ready_seconds,%.3f%n"
            + "client_flags,%d%nclient_heap_bytes,%d%nsnapshot_after_change_seconds,%.3f%n"
            + "snapshot_unchanged_seconds,%.3f%nsnapshot_bytes,%d%n",
        options.flags(),
        seconds(imported.toNanos()),
        seconds(caughtUp.toNanos()),
        seconds(emptyStart().toNanos()),
        seconds(fullStart().toNanos()),
        held,
        evaluatorHeap,
        seconds(clientReady.toNanos()),
        clientFlags,
        clientHeap,
        seconds(snapshotAfterChange().toNanos()),
        seconds(snapshotUnchanged().toNanos()),
        snapshotBytes);
  }

  String chart() {
    return new BarChart(
            String.format(
                Locale.ROOT, "Ready with %,d flags on the topic (seconds)", options.flags()))
        .bar("evaluator, empty topic", seconds(emptyStart().toNanos()), seconds(emptyStart()))
        .bar("evaluator, every flag", seconds(fullStart().toNanos()), seconds(fullStart()))
        .bar("Java client, every flag", seconds(clientReady.toNanos()), seconds(clientReady))
        .bar(
            "admin snapshot after a change",
            seconds(snapshotAfterChange().toNanos()),
            seconds(snapshotAfterChange()))
        .bar(
            "admin snapshot, unchanged",
            seconds(snapshotUnchanged().toNanos()),
            seconds(snapshotUnchanged()))
        .note("targets: evaluator and client < 5 s, snapshot < 1 s")
        .svg();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("coldstart.md"), markdown());
    Files.writeString(directory.resolve("coldstart.csv"), csv());
    Files.writeString(directory.resolve("coldstart.svg"), chart());
  }
}
