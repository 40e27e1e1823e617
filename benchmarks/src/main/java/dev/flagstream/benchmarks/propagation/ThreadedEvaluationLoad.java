package dev.flagstream.benchmarks.propagation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Services asking the evaluator about flags at a steady rate, spread over a few threads of the
 * harness, each request at its planned moment (or at once when behind: the achieved rate is
 * reported, not assumed). Where {@code wrk} is missing; on two cores it reaches about 1,000
 * requests a second beside the services.
 */
final class ThreadedEvaluationLoad implements EvaluationLoad {
  private static final int THREADS = 4;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final long startedNanos = System.nanoTime();
  private volatile boolean running = true;
  private volatile long stoppedNanos;

  ThreadedEvaluationLoad(
      HttpClient http, String evaluatorUrl, String serverKey, List<String> flags, int perSecond) {
    long intervalNanos = 1_000_000_000L * THREADS / Math.max(1, perSecond);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                long next = System.nanoTime() + thread * intervalNanos / THREADS;
                for (long i = 0; running; i++) {
                  LockSupport.parkNanos(next - System.nanoTime());
                  next += intervalNanos;
                  String flag = flags.get((int) (i % flags.size()));
                  ask(http, evaluatorUrl, serverKey, flag, "user-" + thread + "-" + i);
                }
              },
              "evaluation-load-" + t);
      worker.setDaemon(true);
      worker.start();
      threads.add(worker);
    }
  }

  private void ask(HttpClient http, String url, String key, String flag, String user) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(url + "/api/flags/" + flag + "/evaluation?userId=" + user))
            .header("Authorization", "Bearer " + key)
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      (status == 200 ? answered : failed).incrementAndGet();
    } catch (IOException e) {
      failed.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String generator() {
    return THREADS + " harness threads";
  }

  @Override
  public double achievedPerSecond() {
    long end = stoppedNanos == 0 ? System.nanoTime() : stoppedNanos;
    return answered.get() * 1e9 / Math.max(1, end - startedNanos);
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    running = false;
    stoppedNanos = System.nanoTime();
    Joins.join(threads);
  }
}
