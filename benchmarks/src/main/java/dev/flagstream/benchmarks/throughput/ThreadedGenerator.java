package dev.flagstream.benchmarks.throughput;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load from threads of the harness's JVM, where {@code wrk} is missing: each thread a connection,
 * sending its next request when the last is answered. It takes more CPU per request than wrk, so on
 * a small machine it measures the generator as much as the evaluator; the report says which ran.
 */
final class ThreadedGenerator implements Generator {
  private final HttpClient http;
  private final String evaluatorUrl;
  private final String clientKey;
  private final int connections;

  ThreadedGenerator(HttpClient http, String evaluatorUrl, String clientKey, int connections) {
    this.http = http;
    this.evaluatorUrl = evaluatorUrl;
    this.clientKey = clientKey;
    this.connections = connections;
  }

  @Override
  public String name() {
    return connections + " threads of the harness (wrk is not installed)";
  }

  @Override
  public Measured run(Scenario scenario, List<String> flags, int seconds, long evaluatorPid) {
    AtomicLong failed = new AtomicLong();
    AtomicLong sequence = new AtomicLong();
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    List<Thread> threads = new ArrayList<>();
    double cpuBefore = ProcessCpu.seconds(evaluatorPid);
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    for (int t = 0; t < connections; t++) {
      int thread = t;
      latencies[t] = new long[1024];
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long began = System.nanoTime();
                  if (ask(scenario, flags, sequence.incrementAndGet())) {
                    if (counts[thread] == latencies[thread].length) {
                      latencies[thread] = Arrays.copyOf(latencies[thread], counts[thread] * 2);
                    }
                    latencies[thread][counts[thread]++] = System.nanoTime() - began;
                  } else {
                    failed.incrementAndGet();
                  }
                }
              },
              "throughput-" + t);
      worker.start();
      threads.add(worker);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuAfter = ProcessCpu.seconds(evaluatorPid);
    long[] all = new long[Arrays.stream(counts).sum()];
    int at = 0;
    for (int t = 0; t < connections; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Measured(
        scenario,
        all.length,
        failed.get(),
        wall,
        percentile(all, 50) / 1e3,
        percentile(all, 99) / 1e3,
        cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
        List.of());
  }

  static double percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private boolean ask(Scenario scenario, List<String> flags, long n) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(evaluatorUrl + scenario.target(flags, n)))
            .header("Authorization", "Bearer " + clientKey);
    if (scenario.everyFlag()) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(scenario.body(n)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
