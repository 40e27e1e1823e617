package dev.flagstream.smoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One service's HTTP API, called with a bearer credential and a short patience. */
final class Api {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final String base;
  private final @Nullable String credential;

  Api(String base, @Nullable String credential) {
    this.base = base;
    this.credential = credential;
  }

  /** An answer: status, body and the headers the checks read. */
  record Reply(String request, int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (RuntimeException e) {
        throw new SmokeFailure(request + " answered " + status + " with no JSON: " + cut(body));
      }
    }

    Reply expect(int wanted) {
      SmokeFailure.check(
          status == wanted, "%s answered %d, expected %d: %s", request, status, wanted, cut(body));
      return this;
    }

    @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Reply get(String path, String... headers) throws InterruptedException {
    return send("GET", path, null, headers);
  }

  Reply post(String path, @Nullable String json, String... headers) throws InterruptedException {
    return send("POST", path, json, headers);
  }

  /** Sends {@code headers}, given as name, value, name, value…, besides the credential. */
  Reply send(String method, String path, @Nullable String json, String... headers)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SmokeFailure(method + " " + base + path + ": " + Checks.describe(e));
    }
    return new Reply(
        method + " " + base + path, response.statusCode(), response.body(), response.headers());
  }

  /** At most 300 characters of {@code body}, on one line. */
  static String cut(String body) {
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}
