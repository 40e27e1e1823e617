package dev.flagstream.benchmarks.writes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Admin writes at a steady rate, each switching one flag of a round over: every write a change. A
 * write's latency is counted from when it was due, not from when it could be sent, so that a
 * service falling behind shows in the latencies instead of slowing the asking down unseen; at most
 * {@code connections} are in flight.
 */
final class PacedWriter {
  /**
   * What a run of writes did.
   *
   * @param asked writes due in the run
   * @param answered writes answered 2xx
   * @param failed writes answered otherwise, or not at all
   * @param seconds from the first due to the last answer
   * @param latenciesNanos each answered write's latency from when it was due
   */
  record Result(int asked, int answered, int failed, double seconds, List<Long> latenciesNanos) {
    double perSecond() {
      return answered / seconds;
    }
  }

  private final HttpClient http;
  private final String adminUrl;
  private final String token;
  private final List<String> flags;
  private final int connections;
  private long written;

  PacedWriter(HttpClient http, String adminUrl, String token, List<String> flags, int connections) {
    this.http = http;
    this.adminUrl = adminUrl;
    this.token = token;
    this.flags = flags;
    this.connections = connections;
  }

  /** Writes {@code perSecond} a second for {@code duration}; 0 a second: as fast as answered. */
  Result run(int perSecond, Duration duration) throws InterruptedException {
    return run(perSecond, duration.toNanos(), Long.MAX_VALUE);
  }

  /** Writes {@code count} changes as fast as they are answered. */
  Result runCount(long count) throws InterruptedException {
    return run(0, Long.MAX_VALUE, count);
  }

  /** Writes made so far, answered or not. */
  long written() {
    return written;
  }

  private Result run(int perSecond, long durationNanos, long count) throws InterruptedException {
    Semaphore inFlight = new Semaphore(connections);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long interval = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    int asked = 0;
    for (long due = start; due - start < durationNanos && asked < count; due += interval) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      long dueAt = perSecond == 0 ? System.nanoTime() : due;
      asked++;
      CompletableFuture<?> write =
          http.sendAsync(next(), HttpResponse.BodyHandlers.discarding())
              .handle(
                  (answer, error) -> {
                    inFlight.release();
                    if (error == null && answer.statusCode() / 100 == 2) {
                      latencies.add(System.nanoTime() - dueAt);
                    } else {
                      failed.incrementAndGet();
                    }
                    return null;
                  });
      pending.add(write);
      if (pending.size() > 4 * connections) {
        pending.removeIf(CompletableFuture::isDone);
      }
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Writes still unanswered a minute after the last", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(asked, latencies.size(), failed.get(), seconds, List.copyOf(latencies));
  }

  private HttpRequest next() {
    String flag = flags.get((int) (written++ % flags.size()));
    return HttpRequest.newBuilder(URI.create(adminUrl + "/api/admin/flags/" + flag + "/toggle"))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }
}
