package dev.flagstream.benchmarks.propagation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/** Waits until the evaluator serves every flag at least at a version. */
final class EvaluatorCheck {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EvaluatorCheck() {}

  static void awaitVersions(
      HttpClient http, String evaluatorUrl, String serverKey, Map<String, Long> versions)
      throws InterruptedException {
    long deadline = System.nanoTime() + PropagationHarness.PATIENCE_NANOS;
    for (var flag : versions.entrySet()) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(evaluatorUrl + "/api/flags/" + flag.getKey() + "/evaluation"))
              .header("Authorization", "Bearer " + serverKey)
              .build();
      while (version(http, request) < flag.getValue()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The evaluator did not serve " + flag.getKey() + " within 10 s");
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private static long version(HttpClient http, HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? JSON.readTree(answer.body()).get("version").asLong() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
