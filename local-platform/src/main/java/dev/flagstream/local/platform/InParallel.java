package dev.flagstream.local.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starting or stopping parts of the platform side by side, as they do not wait for each other. */
final class InParallel {
  private InParallel() {}

  /**
   * Runs each task on a thread of its own and blocks until all are done; then throws the first
   * failure, with the others suppressed in it.
   */
  static void run(List<Runnable> tasks) {
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads =
        tasks.stream()
            .map(
                task ->
                    new Thread(
                        () -> {
                          try {
                            task.run();
                          } catch (RuntimeException e) {
                            failures.add(e);
                          }
                        },
                        "flagstream-part"))
            .toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parts of the platform were busy", e);
      }
    }
    if (!failures.isEmpty()) {
      failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
      throw failures.get(0);
    }
  }
}
