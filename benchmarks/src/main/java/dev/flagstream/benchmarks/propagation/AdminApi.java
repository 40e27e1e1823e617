package dev.flagstream.benchmarks.propagation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** The admin API calls the harness makes, as an admin token. */
final class AdminApi {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String url;
  private final String token;

  AdminApi(HttpClient http, String url, String token) {
    this.http = http;
    this.url = url;
    this.token = token;
  }

  /** Creates {@code flag}, on for everyone; its version. */
  long create(String flag) {
    return version(
        post(
            "/api/admin/flags",
            "{\"name\":\"" + flag + "\",\"enabled\":true,\"rolloutPercentage\":100}"));
  }

  /** Switches {@code flag} on or off, which flips every user's value; the change made. */
  Change toggle(String flag, long ordinal, boolean enabled) {
    String answer = post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":" + enabled + "}");
    long answered = System.nanoTime();
    return new Change(flag, version(answer), ordinal, enabled, answered);
  }

  private static long version(String answer) {
    return JSON.readTree(answer).get("version").asLong();
  }

  private String post(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
