package dev.flagstream.benchmarks.propagation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's view over HTTP: asks the evaluator for one flag's evaluation again and again, on a
 * thread of its own, and notes each version it is shown. Each answer is timed when it arrived,
 * which counts the request's own round trip in, and the half millisecond between requests.
 */
final class EvaluatorWatch implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long POLL_NANOS = 500_000;
  private final Arrivals arrivals = new Arrivals("evaluator HTTP", false);
  private final Thread poller;
  private volatile boolean running = true;

  EvaluatorWatch(HttpClient http, String evaluatorUrl, String serverKey, String flag) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(evaluatorUrl + "/api/flags/" + flag + "/evaluation"))
            .header("Authorization", "Bearer " + serverKey)
            .build();
    poller =
        new Thread(
            () -> {
              while (running) {
                try {
                  HttpResponse<String> answer =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  long nanos = System.nanoTime();
                  if (answer.statusCode() == 200) {
                    long version = JSON.readTree(answer.body()).get("version").asLong();
                    arrivals.saw(flag, version, nanos);
                  }
                } catch (IOException e) {
                  // the evaluator is away for a moment: ask again
                } catch (InterruptedException e) {
                  return;
                }
                // Half a millisecond apart: the resolution of this path, and a core left to the
                // services (asking without a pause slows what it measures on two cores).
                LockSupport.parkNanos(POLL_NANOS);
              }
            },
            "propagation-poller");
    poller.setDaemon(true);
    poller.start();
  }

  Arrivals arrivals() {
    return arrivals;
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
    Joins.join(List.of(poller));
  }
}
