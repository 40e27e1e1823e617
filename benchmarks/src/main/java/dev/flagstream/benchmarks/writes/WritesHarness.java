package dev.flagstream.benchmarks.writes;

import dev.flagstream.benchmarks.platform.FlagSet;
import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.HopMetrics;
import dev.flagstream.local.platform.LocalPlatform;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The admin's write path under a steady load, and what the stores hold after many changes. Starts
 * the platform as {@code ./mvnw -Prun} does, imports {@code --flags} flags, then writes {@code
 * --writes-per-second} changes a second (each a switch of one flag, round the flags) for {@code
 * --warmup-seconds} unmeasured and {@code --seconds} measured, reading from the admin's own timers
 * how long each change took from its commit to being captured and to being published. Then it
 * writes as fast as the admin answers until {@code --changes} changes were made, waits until the
 * flag topic holds them all, and reads the sizes of PostgreSQL and of the topic. Measures; asserts
 * no speed.
 *
 * <p>{@code --writes-per-second 500 --seconds 30 --warmup-seconds 10 --flags 100 --connections 64
 * --changes 1000000 --out target/writes} are the defaults.
 */
public final class WritesHarness {
  static final List<String> TIMERS =
      List.of("flagstream_cdc_commit_to_capture", "flagstream_cdc_commit_to_publish");

  private WritesHarness() {}

  public static void main(String[] args) throws Exception {
    WritesReport report = run(WritesOptions.parse(args));
    System.out.println(report.markdown());
    System.exit(report.sustained().failed() == 0 ? 0 : 1);
  }

  static WritesReport run(WritesOptions options) throws Exception {
    try (HarnessPlatform started =
        HarnessPlatform.start(options.out(), options.adminSettings(), Map.of())) {
      return run(started, options);
    }
  }

  /** Runs the harness on a platform already started: the smoke runs share one. */
  static WritesReport run(HarnessPlatform started, WritesOptions options) throws Exception {
    Files.createDirectories(options.out());
    LocalPlatform platform = started.platform();
    HttpClient http = started.http();
    String adminUrl = platform.admin().url();
    String token = platform.credentials().token();
    List<String> flags = FlagSet.names("writes", options.flags());
    long recordsBefore = Sizes.read(platform).topicRecordsWritten();
    FlagSet.create(http, adminUrl, token, flags);

    PacedWriter writer = new PacedWriter(http, adminUrl, token, flags, options.connections());
    if (options.warmupSeconds() > 0) {
      writer.run(options.writesPerSecond(), Duration.ofSeconds(options.warmupSeconds()));
    }
    // The measured phase starts with the capture caught up: a backlog from the warm-up (its code
    // still being compiled) would be counted as lag of the measured writes.
    Sizes.awaitRecords(platform, recordsBefore + flags.size() + writer.written(), 600_000);
    List<HopMetrics> before = timers(http, adminUrl, token);
    PacedWriter.Result sustained =
        writer.run(options.writesPerSecond(), Duration.ofSeconds(options.seconds()));
    // Read once every measured write is on the topic: the last ones are still being captured
    // when the last answer arrives, and their times belong to this phase.
    Sizes.awaitRecords(platform, recordsBefore + flags.size() + writer.written(), 600_000);
    List<HopMetrics> after = timers(http, adminUrl, token);
    List<HopMetrics> capture =
        List.of(after.get(0).since(before.get(0)), after.get(1).since(before.get(1)));

    long made = writer.written();
    PacedWriter.Result bulk = null;
    if (options.changes() > made) {
      bulk = writer.runCount(options.changes() - made);
      made = writer.written();
    }
    long awaited = recordsBefore + flags.size() + made;
    Sizes.awaitRecords(platform, awaited, 600_000);
    WritesReport report =
        new WritesReport(options, sustained, capture, bulk, made, Sizes.read(platform));
    report.write(options.out());
    return report;
  }

  private static List<HopMetrics> timers(HttpClient http, String adminUrl, String token) {
    return TIMERS.stream().map(timer -> HopMetrics.read(http, adminUrl, token, timer)).toList();
  }
}
