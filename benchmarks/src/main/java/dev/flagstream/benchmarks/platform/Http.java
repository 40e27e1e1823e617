package dev.flagstream.benchmarks.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harnesses' few ways of asking the platform over HTTP, among them the one way they wait for it
 * to catch up: ask again until a figure in the answer reaches what is awaited.
 */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Http() {}

  /**
   * Sends {@code request}.
   *
   * @throws IllegalStateException naming the request when it could not be sent or answered
   */
  public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }

  /**
   * The figure {@code read} takes from the JSON answer to {@code request}; -1 when the service
   * answers otherwise than 200 or not at all, as one still starting does.
   */
  public static long figure(HttpClient http, HttpRequest request, ToLongFunction<JsonNode> read) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? read.applyAsLong(JSON.readTree(answer.body())) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }

  /**
   * Asks {@code request} every {@code every} until the {@link #figure} read from its answer is at
   * least {@code atLeast}.
   *
   * @param what what the figure is, for the failure's message ("flags the evaluator holds")
   * @return the {@link System#nanoTime()} it was seen reached
   * @throws IllegalStateException with the last figure seen, when {@code patience} ran out first
   */
  public static long awaitFigure(
      HttpClient http,
      HttpRequest request,
      ToLongFunction<JsonNode> read,
      long atLeast,
      String what,
      Duration every,
      Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    long seen;
    while ((seen = figure(http, request, read)) < atLeast) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            what + ": " + seen + " after " + patience + ", awaited " + atLeast);
      }
      LockSupport.parkNanos(every.toNanos());
    }
    return System.nanoTime();
  }
}
