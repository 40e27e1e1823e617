package dev.flagstream.evaluator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A latency harness, not a speed assertion: 250 changes through the admin API, each timed from the
 * admin's answer to the moment the evaluator serves it. Asserts only that every change was seen;
 * the figures go to the build log and docs/BENCHMARKS.md.
 */
class PropagationLatencyIT {
  private static final int CHANGES = 250;

  @Test
  void adminWriteToEvaluatorVisible_forEveryChange() {
    try (Platform platform = new Platform()) {
      ConfigurableApplicationContext evaluator = platform.startEvaluator(Duration.ofSeconds(60));
      Http admin = new Http(platform.adminPort(), Platform.ADMIN_TOKEN);
      Http sdk = new Http(Platform.port(evaluator), Platform.SERVER_KEY);
      await().atMost(Duration.ofSeconds(30)).until(() -> sdk.get("/health/ready").status() == 200);
      String flag = "latency-" + UUID.randomUUID().toString().substring(0, 8);
      admin.post(
          "/api/admin/flags",
          "{\"name\":\"" + flag + "\",\"enabled\":true,\"rolloutPercentage\":0}");
      String path = "/api/flags/" + flag + "/evaluation";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sdk.get(path).json().get("version").asLong() > 0);

      List<Long> micros = new ArrayList<>();
      for (int i = 1; i <= CHANGES; i++) {
        var written =
            admin.put(
                "/api/admin/flags/" + flag + "/rollout",
                "{\"rolloutPercentage\":" + (i % 101) + "}");
        long answered = System.nanoTime();
        long version = written.json().get("version").asLong();
        await()
            .atMost(Duration.ofSeconds(30))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .until(() -> sdk.get(path).json().get("version").asLong() >= version);
        micros.add((System.nanoTime() - answered) / 1_000);
      }
      micros.sort(null);
      assertThat(micros).hasSize(CHANGES);
      System.out.printf(
          "%nAdmin write to evaluator visible over %d changes: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
          CHANGES,
          at(micros, 0.50),
          at(micros, 0.90),
          at(micros, 0.99),
          micros.get(micros.size() - 1) / 1000.0);
    }
  }

  private static double at(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
  }
}
