package dev.flagstream.evaluator.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of one service, sending one bearer key. */
final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final @Nullable String key;

  Http(int port, @Nullable String key) {
    this.base = "http://localhost:" + port;
    this.key = key;
  }

  record Reply(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    /** The first value of header {@code name}, or null. */
    @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, @Nullable String json) {
    return send("POST", path, json);
  }

  Reply put(String path, String json) {
    return send("PUT", path, json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends {@code headers}, given as name, value, name, value…, besides the key. */
  Reply send(String method, String path, @Nullable String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String base() {
    return base;
  }
}
