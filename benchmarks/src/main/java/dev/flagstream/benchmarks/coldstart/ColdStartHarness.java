package dev.flagstream.benchmarks.coldstart;

import dev.flagstream.benchmarks.platform.FlagSet;
import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.Heap;
import dev.flagstream.client.FlagClient;
import dev.flagstream.local.platform.LocalPlatform;
import dev.flagstream.local.platform.ServiceProcess;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long a part takes to be ready when the flag topic already holds many flags, and how much
 * memory they take: an evaluator started beside the platform (launch to ready, its heap after a
 * full collection), a Java client ({@code build()} to ready, the heap it added), and the admin's
 * snapshot of every flag. Starts the platform as {@code ./mvnw -Prun} does, times an evaluator on
 * the empty topic first (the cost of starting at all), imports {@code --flags} flags through the
 * admin API, then measures. The admin's snapshot is timed in rounds of a flag changed, a request
 * and a request with nothing changed, five after one unmeasured (it re-encodes only changed flags).
 * Prints and writes the figures and a chart. Measures; asserts no speed.
 *
 * <p>{@code --flags 100000 --out target/coldstart} are the defaults.
 */
public final class ColdStartHarness {
  /** Requests for the admin's snapshot of each kind. */
  static final int SNAPSHOTS = 5;

  private ColdStartHarness() {}

  public static void main(String[] args) throws Exception {
    ColdStartReport report = run(ColdStartOptions.parse(args));
    System.out.println(report.markdown());
    System.exit(0);
  }

  static ColdStartReport run(ColdStartOptions options) throws Exception {
    try (HarnessPlatform started = HarnessPlatform.start(options.out(), Map.of(), Map.of())) {
      LocalPlatform platform = started.platform();
      HttpClient http = started.http();
      String serverKey = platform.credentials().serverKey();

      List<Duration> emptyStarts = new ArrayList<>();
      for (int i = 0; i < options.starts(); i++) {
        ServiceProcess empty = platform.startEvaluator(Map.of());
        emptyStarts.add(empty.startupTime().orElseThrow());
        empty.stop();
      }

      List<String> names = FlagSet.names("coldstart", options.flags());
      long importStart = System.nanoTime();
      FlagSet.create(http, platform.admin().url(), platform.credentials().token(), names);
      Duration imported = Duration.ofNanos(System.nanoTime() - importStart);
      Duration caughtUp =
          Duration.ofNanos(
              Stores.awaitFlags(http, platform.evaluator().url(), serverKey, names.size())
                  - importStart);

      AdminSnapshots snapshots = new AdminSnapshots(http, platform.admin().url(), serverKey);
      List<Duration> afterChange = new ArrayList<>();
      List<Duration> unchanged = new ArrayList<>();
      // One round unmeasured, as the evaluators' refreshes would have warmed it; then rounds of a
      // change, a request, and a request with nothing changed, so that whatever else the machine
      // does meanwhile (the import's vacuum) falls on both kinds alike.
      for (int i = 0; i <= SNAPSHOTS; i++) {
        FlagSet.toggle(
            http, platform.admin().url(), platform.credentials().token(), names.get(i), i % 2 == 0);
        Duration changed = snapshots.timeOne();
        Duration same = snapshots.timeOne();
        if (i > 0) {
          afterChange.add(changed);
          unchanged.add(same);
        }
      }

      List<Duration> fullStarts = new ArrayList<>();
      int held = 0;
      long evaluatorHeap = 0;
      for (int i = 0; i < options.starts(); i++) {
        ServiceProcess full = platform.startEvaluator(Map.of());
        fullStarts.add(full.startupTime().orElseThrow());
        held = Stores.flags(http, full.url(), serverKey);
        if (i == options.starts() - 1) { // a full collection, forced: once is enough
          evaluatorHeap = Heap.ofProcess(full.pid());
        }
        full.stop();
      }

      long heapBefore = Heap.ofThisJvm();
      long clientStart = System.nanoTime();
      Duration clientReady;
      long clientHeap;
      int clientFlags;
      try (FlagClient client =
          FlagClient.builder().kafka(platform.kafka().bootstrapServers()).build()) {
        if (!client.awaitReady(Duration.ofMinutes(2))) {
          throw new IllegalStateException("The Java client was not ready within 2 minutes");
        }
        clientReady = Duration.ofNanos(System.nanoTime() - clientStart);
        clientFlags = client.flags().size();
        clientHeap = Heap.ofThisJvm() - heapBefore;
      }

      ColdStartReport report =
          new ColdStartReport(
              options,
              imported,
              caughtUp,
              emptyStarts,
              fullStarts,
              held,
              evaluatorHeap,
              clientReady,
              clientFlags,
              clientHeap,
              afterChange,
              unchanged,
              snapshots.bytes());
      report.write(options.out());
      return report;
    }
  }
}
