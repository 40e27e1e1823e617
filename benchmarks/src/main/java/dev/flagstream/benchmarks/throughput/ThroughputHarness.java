package dev.flagstream.benchmarks.throughput;

import dev.flagstream.benchmarks.platform.FlagSet;
import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.Http;
import dev.flagstream.local.platform.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many requests an evaluator answers a second: every flag for a user (the request of Unleash
 * Edge's published benchmark), every value alone, and one flag. Starts the platform as {@code
 * ./mvnw -Prun} does, imports the flags, confines the evaluator to {@code --evaluator-cores} cores
 * where Linux's {@code taskset} can (everything else to the others), then for each scenario warms
 * up and loads it from {@code wrk} (or the harness's threads where wrk is missing), as fast as it
 * answers. Prints and writes the figures and a chart; exits 1 when a request failed. Measures;
 * asserts no speed.
 *
 * <p>{@code --flags 350 --seconds 30 --warmup-seconds 60 --connections 16 --evaluator-cores 1 --out
 * target/throughput} are the defaults.
 */
public final class ThroughputHarness {
  private ThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    ThroughputReport report = run(ThroughputOptions.parse(args));
    System.out.println(report.markdown());
    System.exit(report.failed() == 0 ? 0 : 1);
  }

  /** Runs the harness; the report is also written to the options' directory. */
  static ThroughputReport run(ThroughputOptions options) throws Exception {
    try (HarnessPlatform started =
        HarnessPlatform.start(options.out(), Map.of(), options.evaluatorSettings())) {
      return run(started, options);
    }
  }

  /** Runs the harness on a platform already started: the smoke runs share one. */
  static ThroughputReport run(HarnessPlatform started, ThroughputOptions options) throws Exception {
    Files.createDirectories(options.out());
    LocalPlatform platform = started.platform();
    HttpClient http = started.http();
    String evaluatorUrl = platform.evaluator().url();
    String clientKey = platform.credentials().clientKey();
    List<String> flags = FlagSet.names("throughput", options.flags());
    FlagSet.create(http, platform.admin().url(), platform.credentials().token(), flags);
    FlagSet.awaitEvaluator(http, evaluatorUrl, clientKey, flags.size(), Duration.ofSeconds(60));

    long evaluator = platform.evaluator().pid();
    // Read before anything is confined: the JVM counts only the cores it may use.
    int cores = Runtime.getRuntime().availableProcessors();
    List<String> prefix = List.of();
    String placement;
    if (Cores.canConfine(options.evaluatorCores(), cores)) {
      int last = cores - 1;
      String own = Cores.list(0, options.evaluatorCores() - 1);
      String others = Cores.list(options.evaluatorCores(), last);
      // The harness's JVM (Kafka's broker runs in it) and every process it started first, the
      // evaluator among them; then the evaluator alone, onto its own cores.
      Cores.confine(ProcessHandle.current().pid(), others);
      Cores.confine(evaluator, own);
      prefix = Cores.prefix(others);
      // Read back, so that the report says where they ran, not where they were asked to.
      placement =
          "The evaluator confined to cores "
              + Cores.allowed(evaluator)
              + " of "
              + cores
              + "; the load generator, the admin service (cores "
              + Cores.allowed(platform.admin().pid())
              + "), PostgreSQL and Kafka to cores "
              + others
              + " (taskset)";
    } else {
      placement =
          "Nothing confined: the evaluator, the generator and the platform share all "
              + cores
              + " cores";
    }
    try {
      return measure(options, http, platform, flags, evaluator, placement, prefix);
    } finally {
      // The harness's own JVM may go on (a test run): give it every core back.
      if (!prefix.isEmpty()) {
        Cores.confine(ProcessHandle.current().pid(), Cores.list(0, cores - 1));
      }
    }
  }

  private static ThroughputReport measure(
      ThroughputOptions options,
      HttpClient http,
      LocalPlatform platform,
      List<String> flags,
      long evaluator,
      String placement,
      List<String> prefix)
      throws Exception {
    String evaluatorUrl = platform.evaluator().url();
    String clientKey = platform.credentials().clientKey();
    Generator generator =
        WrkGenerator.installed("wrk")
            ? new WrkGenerator(evaluatorUrl, clientKey, options.connections(), prefix)
            : new ThreadedGenerator(http, evaluatorUrl, clientKey, options.connections());

    List<Measured> measured = new ArrayList<>();
    List<Integer> bodies = new ArrayList<>();
    // Every scenario warms up before any is measured: the first measured would otherwise pay for
    // compiling the code all of them share.
    for (Scenario scenario : Scenario.values()) {
      bodies.add(bodyBytes(http, evaluatorUrl, clientKey, scenario, flags));
      if (options.warmupSeconds() > 0) {
        generator.run(scenario, flags, options.warmupSeconds(), evaluator);
      }
    }
    for (Scenario scenario : Scenario.values()) {
      List<long[]> before = MachineCpu.read();
      Measured run = generator.run(scenario, flags, options.seconds(), evaluator);
      measured.add(run.withCoresBusy(MachineCpu.busy(before, MachineCpu.read())));
    }
    ThroughputReport report =
        new ThroughputReport(options, generator.name(), placement, measured, bodies);
    report.write(options.out());
    return report;
  }

  /** One answer's body size, for the report. */
  private static int bodyBytes(
      HttpClient http,
      String evaluatorUrl,
      String clientKey,
      Scenario scenario,
      List<String> flags) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(evaluatorUrl + scenario.target(flags, 1)))
            .header("Authorization", "Bearer " + clientKey);
    if (scenario.everyFlag()) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(scenario.body(1)));
    }
    return Http.send(http, request.build()).body().length();
  }
}
