package dev.flagstream.benchmarks.coldstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/** How many flags an evaluator's store holds, from its readiness details (a server key's view). */
final class Stores {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long PATIENCE_NANOS = 600_000_000_000L;

  private Stores() {}

  /** The flags the evaluator at {@code url} holds; -1 when it does not say. */
  static int flags(HttpClient http, String url, String serverKey) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/health/ready/store"))
            .header("Authorization", "Bearer " + serverKey)
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200
          ? JSON.readTree(answer.body()).at("/details/flags").asInt(-1)
          : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Waits until the evaluator holds {@code count} flags; the {@link System#nanoTime()} it did. */
  static long awaitFlags(HttpClient http, String url, String serverKey, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    int held;
    while ((held = flags(http, url, serverKey)) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The evaluator held " + held + " of " + count + " flags");
      }
      LockSupport.parkNanos(50_000_000);
    }
    return System.nanoTime();
  }
}
