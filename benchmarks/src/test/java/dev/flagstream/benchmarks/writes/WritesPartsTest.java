package dev.flagstream.benchmarks.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.flagstream.benchmarks.platform.HopMetrics;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WritesPartsTest {
  @Test
  void options_haveTheIssuesTargetsAsDefaults_andRefuseWhatTheyDoNotKnow() {
    assertThat(WritesOptions.parse()).isEqualTo(WritesOptions.DEFAULTS);
    assertThat(WritesOptions.DEFAULTS.writesPerSecond()).isEqualTo(500);
    assertThat(WritesOptions.DEFAULTS.changes()).isEqualTo(1_000_000);
    assertThat(WritesOptions.parse("--changes", "0", "--admin", "a=b", "--out", "x"))
        .isEqualTo(new WritesOptions(500, 30, 10, 100, 64, 0, Path.of("x"), Map.of("a", "b")));
    assertThatThrownBy(() -> WritesOptions.parse("--streams", "5"))
        .hasMessageContaining("--writes-per-second");
  }

  @Test
  void theWriter_switchesEachFlagInTurn_andCountsWhatWasNotAnswered() throws Exception {
    Set<String> paths = ConcurrentHashMap.newKeySet();
    AtomicInteger asked = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          int status = asked.incrementAndGet() % 5 == 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      PacedWriter writer =
          new PacedWriter(
              HttpClient.newHttpClient(),
              "http://127.0.0.1:" + server.getAddress().getPort(),
              "token",
              List.of("a", "b"),
              2);

      PacedWriter.Result paced = writer.run(100, Duration.ofMillis(100));
      PacedWriter.Result counted = writer.runCount(10);

      assertThat(paced.asked()).isEqualTo(10);
      assertThat(counted.asked()).isEqualTo(10);
      assertThat(paced.answered() + counted.answered()).isEqualTo(16);
      assertThat(paced.failed() + counted.failed()).isEqualTo(4);
      assertThat(paced.latenciesNanos()).allSatisfy(latency -> assertThat(latency).isPositive());
      assertThat(writer.written()).isEqualTo(20);
      assertThat(paths)
          .containsExactlyInAnyOrder(
              "POST /api/admin/flags/a/toggle", "POST /api/admin/flags/b/toggle");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theTarget_needsTheRate_noFailure_andTheCaptureWithin100Ms() {
    WritesOptions options = WritesOptions.DEFAULTS;
    PacedWriter.Result kept = new PacedWriter.Result(15_000, 15_000, 0, 30.0, List.of(1_000_000L));
    PacedWriter.Result behind = new PacedWriter.Result(15_000, 9_000, 0, 30.0, List.of(1L));

    assertThat(report(options, kept, 0.05).targetMet()).isTrue();
    assertThat(report(options, kept, 0.5).targetMet()).as("capture behind").isFalse();
    assertThat(report(options, behind, 0.05).targetMet()).as("rate not kept").isFalse();
    assertThat(report(options, kept, 0.05).markdown())
        .contains("| admin write, from when it was due to its answer | 15,000 | 500 |")
        .contains("| commit to capture (the admin's timer) | 10 | | 50.0 ms | 50.0 ms | | |")
        .contains("capture p99 < 100 ms): met.");
  }

  private static WritesReport report(
      WritesOptions options, PacedWriter.Result sustained, double lagSeconds) {
    Map<Double, Long> buckets = new TreeMap<>();
    buckets.put(lagSeconds, 10L);
    buckets.put(Double.POSITIVE_INFINITY, 10L);
    HopMetrics capture = new HopMetrics("flagstream_cdc_commit_to_capture", buckets);
    HopMetrics publish = new HopMetrics("flagstream_cdc_commit_to_publish", buckets);
    return new WritesReport(
        options,
        sustained,
        List.of(capture, publish),
        null,
        15_000,
        new Sizes(1L << 20, List.of(new Sizes.Table("feature_flags", 1024, 100)), 0, 2048, 15_100));
  }
}
