package dev.flagstream.client;

import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches all flags from a snapshot endpoint of the admin service or an evaluator. */
final class SnapshotSource {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String key;

  SnapshotSource(URI endpoint, String key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  FlagSnapshot fetch() throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("snapshot endpoint " + endpoint + " answered " + response.statusCode());
    }
    return FlagSnapshot.fromJson(response.body());
  }

  URI endpoint() {
    return endpoint;
  }
}
