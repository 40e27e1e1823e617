package dev.flagstream.benchmarks.coldstart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests for the admin's snapshot of every flag, each timed until its answer is read whole. */
final class AdminSnapshots {
  private final HttpClient http;
  private final HttpRequest request;
  private long bytes;

  AdminSnapshots(HttpClient http, String adminUrl, String serverKey) {
    this.http = http;
    this.request =
        HttpRequest.newBuilder(URI.create(adminUrl + "/api/flags/snapshot"))
            .header("Authorization", "Bearer " + serverKey)
            .build();
  }

  /** One request, from sending to the last byte of the answer. */
  Duration timeOne() throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("The admin's snapshot answered " + answer.statusCode());
    }
    bytes = answer.body().length;
    return took;
  }

  /** The size of the last answer. */
  long bytes() {
    return bytes;
  }
}
