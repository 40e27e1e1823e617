package dev.flagstream.benchmarks.propagation;

import java.util.List;

/** Waits for a harness's own threads to end as it closes. */
final class Joins {
  private Joins() {}

  /** Waits up to 5 s for each thread; an interrupt stops the wait and is kept. */
  static void join(List<Thread> threads) {
    try {
      for (Thread thread : threads) {
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
