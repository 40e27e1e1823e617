package dev.flagstream.benchmarks.fanout;

import dev.flagstream.benchmarks.platform.Distribution;
import dev.flagstream.benchmarks.platform.FlagSet;
import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.Heap;
import dev.flagstream.benchmarks.platform.Http;
import dev.flagstream.local.platform.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change fanned out to many browser streams on one evaluator: how long until every stream has
 * it, and what each open stream costs the evaluator in memory and threads. Starts the platform as
 * {@code ./mvnw -Prun} does, opens {@code --streams} streams from {@link Crowds} of processes (each
 * for a user of its own, with a client key, as browsers do), then switches one flag on and off
 * {@code --changes} times (after {@code --warmup-changes} unmeasured), each time timing its arrival
 * on every stream from the admin's answer. Memory is read after a full collection, with no stream
 * and with every stream open. Measures; asserts no speed.
 *
 * <p>{@code --streams 20000 --changes 5 --warmup-changes 3 --flags 20 --out target/fanout} are the
 * defaults.
 */
public final class FanoutHarness {
  static final String PROBE = "fanout-probe";

  /** Streams one crowd process holds: well inside a process's usual open-file limit. */
  private static final int PER_PROCESS = 8_000;

  /** Files the evaluator keeps beyond its streams' sockets, with room to spare: jars, Kafka. */
  private static final int FILES_SPARED = 200;

  private static final long DELIVERY_PATIENCE_MILLIS = 30_000;

  private FanoutHarness() {}

  public static void main(String[] args) throws Exception {
    FanoutReport report = run(FanoutOptions.parse(args));
    System.out.println(report.markdown());
    System.exit(report.lost() == 0 ? 0 : 1);
  }

  /** Runs the harness; the report is also written to the options' directory. */
  static FanoutReport run(FanoutOptions options) throws Exception {
    try (HarnessPlatform started =
        HarnessPlatform.start(options.out(), Map.of(), evaluatorSettings(options))) {
      return run(started, options);
    }
  }

  /** Runs the harness on a platform already started: the smoke runs share one. */
  static FanoutReport run(HarnessPlatform started, FanoutOptions options) throws Exception {
    Files.createDirectories(options.out());
    LocalPlatform platform = started.platform();
    HttpClient http = started.http();
    String token = platform.credentials().token();
    String clientKey = platform.credentials().clientKey();
    FlagSet.create(
        http, platform.admin().url(), token, FlagSet.names("fanout", options.flags() - 1));
    post(http, platform.admin().url(), token, "/api/admin/flags", probe());
    // The probe last: once the evaluator serves it, every stream's first event has it.
    Http.awaitFigure(
        http,
        HttpRequest.newBuilder(
                URI.create(platform.evaluator().url() + "/api/flags/" + PROBE + "/evaluation"))
            .header("Authorization", "Bearer " + platform.credentials().serverKey())
            .build(),
        evaluation -> evaluation.get("version").asLong(),
        1,
        "The version of " + PROBE + " the evaluator serves",
        Duration.ofMillis(20),
        Duration.ofSeconds(60));

    long evaluator = platform.evaluator().pid();
    long heapBefore = Heap.ofProcess(evaluator);
    ProcessStatus before = ProcessStatus.of(evaluator);
    int streams =
        Math.min(options.streams(), before.maxOpenFiles() - before.openFiles() - FILES_SPARED);

    List<Distribution> deliveries = new ArrayList<>();
    List<Integer> threadPeaks = new ArrayList<>();
    long heapOpen;
    ProcessStatus open;
    int opened;
    int failed;
    try (Crowds crowds =
        new Crowds(
            platform.evaluator().url(),
            clientKey,
            PROBE,
            streams,
            PER_PROCESS,
            options.warmupChanges() + options.changes(),
            Math.max(120_000, streams * 20L),
            options.out())) {
      opened = crowds.opened();
      failed = crowds.failed();
      heapOpen = Heap.ofProcess(evaluator);
      open = ProcessStatus.of(evaluator);
      int warmup = options.warmupChanges();
      for (int change = 1; change <= warmup + options.changes(); change++) {
        List<Long> arrivals;
        long answered;
        int most;
        try (ProcessStatus.ThreadPeak threads = new ProcessStatus.ThreadPeak(evaluator)) {
          answered = toggle(http, platform.admin().url(), token, change % 2 == 1);
          arrivals = crowds.awaitArrivals(change, DELIVERY_PATIENCE_MILLIS);
          most = threads.peak();
        }
        if (change <= warmup) {
          continue;
        }
        threadPeaks.add(most);
        List<Long> latencies = new ArrayList<>();
        for (long arrival : arrivals) {
          latencies.add(arrival < 0 ? -1 : Math.max(0, arrival - answered));
        }
        deliveries.add(Distribution.ofNanos("change " + (change - warmup), latencies));
      }
    }
    FanoutReport report =
        new FanoutReport(
            options,
            streams,
            opened,
            failed,
            before,
            open,
            heapBefore,
            heapOpen,
            threadPeaks,
            deliveries);
    report.write(options.out());
    return report;
  }

  /**
   * The evaluator allows as many streams as the run opens, on one key, and its web server as many
   * connections; then what the run was given.
   */
  static Map<String, String> evaluatorSettings(FanoutOptions options) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("flags.stream.max-open", Integer.toString(options.streams() + 100));
    settings.put("flags.stream.max-open-per-key", Integer.toString(options.streams() + 100));
    settings.put("server.tomcat.max-connections", Integer.toString(options.streams() + 1_000));
    settings.putAll(options.evaluatorSettings());
    return settings;
  }

  private static String probe() {
    return "{\"name\":\"" + PROBE + "\",\"enabled\":false,\"rolloutPercentage\":100}";
  }

  /** Switches the probe on or off, which changes every user's value; when the admin answered. */
  private static long toggle(HttpClient http, String adminUrl, String token, boolean enabled) {
    FlagSet.toggle(http, adminUrl, token, PROBE, enabled);
    return System.nanoTime();
  }

  private static void post(
      HttpClient http, String adminUrl, String token, String path, String json) {
    HttpResponse<String> answer =
        Http.send(
            http,
            HttpRequest.newBuilder(URI.create(adminUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }
}
