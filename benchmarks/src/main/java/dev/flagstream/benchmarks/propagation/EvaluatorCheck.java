package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** Waits until the evaluator serves every flag at least at a version. */
final class EvaluatorCheck {
  private EvaluatorCheck() {}

  static void awaitVersions(
      HttpClient http, String evaluatorUrl, String serverKey, Map<String, Long> versions) {
    long deadline = System.nanoTime() + PropagationHarness.PATIENCE_NANOS;
    for (var flag : versions.entrySet()) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(evaluatorUrl + "/api/flags/" + flag.getKey() + "/evaluation"))
              .header("Authorization", "Bearer " + serverKey)
              .build();
      Http.awaitFigure(
          http,
          request,
          evaluation -> evaluation.get("version").asLong(),
          flag.getValue(),
          "The version the evaluator serves of " + flag.getKey(),
          Duration.ofMillis(1),
          Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
  }
}
