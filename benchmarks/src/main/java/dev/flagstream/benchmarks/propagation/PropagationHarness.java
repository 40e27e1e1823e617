package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.HopMetrics;
import dev.flagstream.local.platform.LocalPlatform;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * How long an admin's change takes to reach each kind of consumer: an evaluator asked over HTTP, a
 * Java service's client listener fed by Kafka, a browser's event stream. First one change at a
 * time, each awaited by all three; then under steady load (admin writes and evaluations a second).
 * Starts the platform as {@code ./mvnw -Prun} does (real PostgreSQL and Kafka, each service a
 * process of its own), prints the figures and the services' own per-hop timers, writes charts and
 * raw figures, and exits 1 when a change never arrived. Measures; asserts no speed.
 *
 * <p>{@code --changes 1000 --load-seconds 60 --writes-per-second 100 --evaluations-per-second 5000
 * --flags 20 --out target/propagation} are the defaults; {@code --admin name=value} and {@code
 * --evaluator name=value} give a service a setting, to measure its effect.
 */
public final class PropagationHarness {
  static final long PATIENCE_NANOS = 10_000_000_000L;
  private static final String PROBE = "propagation-probe";

  private PropagationHarness() {}

  public static void main(String[] args) throws Exception {
    PropagationReport report = run(Options.parse(args));
    System.out.println(report.markdown());
    System.exit(report.lost() == 0 ? 0 : 1);
  }

  /** Runs the harness; the report is also written to the options' directory. */
  static PropagationReport run(Options options) throws Exception {
    try (HarnessPlatform started =
        HarnessPlatform.start(
            options.out(), options.adminSettings(), options.evaluatorSettings())) {
      return run(started, options);
    }
  }

  /** Runs the harness on a platform already started: the smoke runs share one. */
  static PropagationReport run(HarnessPlatform started, Options options) throws Exception {
    Files.createDirectories(options.out());
    LocalPlatform platform = started.platform();
    HttpClient http = started.http();
    String evaluatorUrl = platform.evaluator().url();
    AdminApi admin = new AdminApi(http, platform.admin().url(), platform.credentials().token());
    Map<String, Long> versions = new LinkedHashMap<>();
    versions.put(PROBE, admin.create(PROBE));
    for (int i = 1; i < options.flags(); i++) {
      versions.put("propagation-" + i, admin.create("propagation-" + i));
    }
    try (ClientWatch client = new ClientWatch(platform.kafka().bootstrapServers());
        EvaluatorWatch evaluator =
            new EvaluatorWatch(http, evaluatorUrl, platform.credentials().serverKey(), PROBE)) {
      // The stream counts each flag's changes from the versions it opened at: every flag's
      // creation must have reached the evaluator first.
      List<Change> created = new ArrayList<>();
      versions.forEach((flag, version) -> created.add(new Change(flag, version, 0, true, 0)));
      awaitAll(created, List.of(client.arrivals()));
      awaitAll(created.subList(0, 1), List.of(evaluator.arrivals()));
      EvaluatorCheck.awaitVersions(
          http, evaluatorUrl, platform.credentials().serverKey(), versions);
      try (StreamWatch stream =
          new StreamWatch(
              http,
              evaluatorUrl,
              platform.credentials().clientKey(),
              "user-1",
              versions.keySet())) {
        awaitStream(stream);
        Hops hops = new Hops(http, platform);
        List<Arrivals> all = List.of(evaluator.arrivals(), client.arrivals(), stream.arrivals());
        List<HopMetrics> start = hops.read();
        client.forgetCommitTimes();
        Map<String, Boolean> enabled = new ConcurrentHashMap<>();
        versions.keySet().forEach(flag -> enabled.put(flag, true));
        List<Change> oneByOne = new ArrayList<>();
        for (int i = 0; i < options.changes(); i++) {
          boolean next = !enabled.get(PROBE);
          enabled.put(PROBE, next);
          Change change = admin.toggle(PROBE, i + 1, next);
          oneByOne.add(change);
          awaitAll(List.of(change), all);
        }
        PropagationReport.Phase sequential =
            PropagationReport.Phase.of(
                "one change at a time", oneByOne, all, client.fromCommit(), hops.since(start));

        PropagationReport.Phase loaded = null;
        if (options.loadSeconds() > 0) {
          List<HopMetrics> beforeLoad = hops.read();
          client.forgetCommitTimes();
          LoadedRun run =
              new LoadedRun(
                  http,
                  platform,
                  admin,
                  new ArrayList<>(versions.keySet()),
                  enabled,
                  options.changes());
          List<Change> changes = run.run(options);
          awaitAll(changes, List.of(client.arrivals(), stream.arrivals()));
          List<Change> probed = changes.stream().filter(c -> c.flag().equals(PROBE)).toList();
          awaitAll(probed, List.of(evaluator.arrivals()));
          loaded =
              PropagationReport.Phase.ofLoaded(
                  run.describe(options),
                  changes,
                  probed,
                  evaluator.arrivals(),
                  List.of(client.arrivals(), stream.arrivals()),
                  client.fromCommit(),
                  hops.since(beforeLoad));
        }
        Files.write(options.out().resolve("stream-events.txt"), stream.received());
        PropagationReport report = new PropagationReport(options, sequential, loaded);
        report.write(options.out());
        return report;
      }
    }
  }

  /** Waits until every consumer has every change, or the patience after the last is spent. */
  static void awaitAll(List<Change> changes, List<Arrivals> consumers) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    for (Arrivals consumer : consumers) {
      for (Change change : changes) {
        consumer.await(change, deadline);
      }
    }
  }

  private static void awaitStream(StreamWatch stream) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (!stream.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The stream sent no snapshot within 10 s");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }
}
