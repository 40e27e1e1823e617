package dev.flagstream.admin.account;

import dev.flagstream.admin.system.Problems;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.web.ErrorResponseException;

/**
 * Bounds how many password hashes run at once. Each Argon2 hash holds {@link Passwords#MEMORY_KIB}
 * of heap while it runs and a core for tens of milliseconds, and requests run on virtual threads
 * with no pool to bound them: without this, a flood of sign-ins could exhaust the heap of the
 * process that also runs change data capture. A hash that finds no permit is refused at once;
 * nothing waits in a queue.
 */
final class HashPermits {
  private final int size;
  private final Semaphore permits;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  HashPermits(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one hash must be allowed, got " + size);
    }
    this.size = size;
    this.permits = new Semaphore(size);
  }

  /**
   * As many as the heap and the processors allow, for {@code flags.login.max-concurrent-hashes=0}.
   */
  static HashPermits sizedFor(Runtime runtime) {
    long perHash = Passwords.MEMORY_KIB * 1024L;
    long byHeap = runtime.maxMemory() / 8 / perHash;
    long byCores = 2L * runtime.availableProcessors();
    return new HashPermits((int) Math.max(1, Math.min(byHeap, byCores)));
  }

  /**
   * Runs {@code hash} if a permit is free.
   *
   * @throws HashingBusyException at once when every permit is taken
   */
  <T> T run(Supplier<T> hash) {
    if (!permits.tryAcquire()) {
      throw new HashingBusyException();
    }
    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      return hash.get();
    } finally {
      running.decrementAndGet();
      permits.release();
    }
  }

  int size() {
    return size;
  }

  /** The most hashes that ever ran at once. */
  int peak() {
    return peak.get();
  }

  /** Takes every free permit and returns how many, so tests can stand in for a busy server. */
  int drain() {
    return permits.drainPermits();
  }

  void release(int count) {
    permits.release(count);
  }

  /** Every permit is taken: a 429 problem, the caller should come back in a second. */
  static final class HashingBusyException extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    HashingBusyException() {
      this(
          Problems.tooManyRequests(
              Duration.ofSeconds(1), "too many passwords are being checked; retry in a second"));
    }

    private HashingBusyException(ErrorResponseException problem) {
      super(problem.getStatusCode(), problem.getBody(), null);
      getHeaders().putAll(problem.getHeaders());
    }
  }
}
