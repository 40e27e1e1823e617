package dev.flagstream.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts after failures: doubling from {@code first} up to {@code max}, each drawn
 * at random from its upper half, so that many clients failing together do not retry together. Not
 * thread-safe.
 */
final class Backoff {
  private final long firstNanos;
  private final long maxNanos;
  private final DoubleSupplier random;
  private int failures;

  /**
   * @param random uniform in [0, 1)
   */
  Backoff(Duration first, Duration max, DoubleSupplier random) {
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The delay before the next attempt, after one more failure. */
  Duration next() {
    long ceiling = firstNanos;
    for (int i = 0; i < failures && ceiling < maxNanos; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxNanos);
    failures++;
    return Duration.ofNanos((long) (ceiling * (0.5 + random.getAsDouble() / 2)));
  }

  /** An attempt succeeded: the next failure starts from {@code first} again. */
  void reset() {
    failures = 0;
  }
}
