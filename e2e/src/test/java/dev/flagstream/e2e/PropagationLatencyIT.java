package dev.flagstream.e2e;

import static org.awaitility.Awaitility.await;

import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.infrastructure.Latencies;
import dev.flagstream.local.platform.LocalPlatform;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A latency harness, not a speed assertion: 250 changes through the admin API, each timed from the
 * admin's answer to the moment the evaluator serves it. A change that never arrives fails the run;
 * the figures go to the build log and docs/BENCHMARKS.md. Not part of {@code verify}: {@code ./mvnw
 * -Platency -pl e2e -am verify} runs it.
 */
class PropagationLatencyIT {
  private static final int CHANGES = 250;

  @Test
  void adminWriteToEvaluatorVisible_forEveryChange() {
    try (LocalPlatform platform = TestPlatform.start(PropagationLatencyIT.class)) {
      Http admin = new Http(platform.admin().url(), platform.credentials().token());
      Http sdk = new Http(platform.evaluator().url(), platform.credentials().serverKey());
      String flag = "latency-" + UUID.randomUUID().toString().substring(0, 8);
      admin.post(
          "/api/admin/flags",
          "{\"name\":\"" + flag + "\",\"enabled\":true,\"rolloutPercentage\":0}");
      String path = "/api/flags/" + flag + "/evaluation";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sdk.get(path).json().get("version").asLong() > 0);

      Latencies latencies = new Latencies();
      for (int i = 1; i <= CHANGES; i++) {
        Http.Reply written =
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
        latencies.add(Duration.ofNanos(System.nanoTime() - answered));
      }
      System.out.printf(
          "%nAdmin write to evaluator visible (services in processes of their own): %s%n%n",
          latencies.summary());
    }
  }
}
