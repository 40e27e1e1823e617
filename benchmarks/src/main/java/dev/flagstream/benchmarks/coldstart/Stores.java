package dev.flagstream.benchmarks.coldstart;

import dev.flagstream.benchmarks.platform.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** How many flags an evaluator's store holds, from its readiness details (a server key's view). */
final class Stores {
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private Stores() {}

  /** The flags the evaluator at {@code url} holds; -1 when it does not say. */
  static int flags(HttpClient http, String url, String serverKey) {
    return (int) Http.figure(http, request(url, serverKey), Stores::held);
  }

  /** Waits until the evaluator holds {@code count} flags; the {@link System#nanoTime()} it did. */
  static long awaitFlags(HttpClient http, String url, String serverKey, int count) {
    return Http.awaitFigure(
        http,
        request(url, serverKey),
        Stores::held,
        count,
        "Flags the evaluator holds",
        Duration.ofMillis(50),
        PATIENCE);
  }

  private static long held(tools.jackson.databind.JsonNode readiness) {
    return readiness.at("/details/flags").asInt(-1);
  }

  private static HttpRequest request(String url, String serverKey) {
    return HttpRequest.newBuilder(URI.create(url + "/health/ready/store"))
        .header("Authorization", "Bearer " + serverKey)
        .build();
  }
}
