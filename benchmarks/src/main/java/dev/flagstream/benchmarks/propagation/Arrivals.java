package dev.flagstream.benchmarks.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When each change reached one consumer: the first moment the consumer showed the change's flag at
 * its version or later. Versions of a flag only grow, so a consumer that skips one (it saw two
 * changes at once) has shown both. Thread-safe: a consumer's thread records, the harness reads.
 */
final class Arrivals {
  private final String consumer;
  private final boolean byOrdinal;
  private final ConcurrentMap<String, ConcurrentMap<Long, Long>> byFlag = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> highest = new ConcurrentHashMap<>();

  /**
   * @param byOrdinal whether the consumer counts a flag's changes (its n-th, as {@link
   *     Change#ordinal()}) instead of showing their versions
   */
  Arrivals(String consumer, boolean byOrdinal) {
    this.consumer = consumer;
    this.byOrdinal = byOrdinal;
  }

  /** When the consumer first showed {@code change}, or -1 while it has not. */
  long at(Change change) {
    return at(change.flag(), byOrdinal ? change.ordinal() : change.version());
  }

  String consumer() {
    return consumer;
  }

  /** The consumer shows {@code flag} at {@code version} (or ordinal) as of {@code nanos}. */
  void saw(String flag, long version, long nanos) {
    ConcurrentMap<Long, Long> times = byFlag.computeIfAbsent(flag, f -> new ConcurrentHashMap<>());
    times.putIfAbsent(version, nanos);
    highest.merge(flag, version, Math::max);
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * Waits until the consumer has shown {@code change} or {@code deadlineNanos} (of {@link
   * System#nanoTime()}) has passed; woken by each arrival instead of asking again and again, which
   * on two cores would take time from the services being measured.
   */
  synchronized void await(Change change, long deadlineNanos) throws InterruptedException {
    long left;
    while (at(change) < 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * When the consumer first showed {@code flag} at {@code version} or later, or -1 while it has
   * not.
   */
  long at(String flag, long version) {
    ConcurrentMap<Long, Long> times = byFlag.get(flag);
    if (times == null || highest.getOrDefault(flag, -1L) < version) {
      return -1;
    }
    long first = Long.MAX_VALUE;
    for (var seen : times.entrySet()) {
      if (seen.getKey() >= version) {
        first = Math.min(first, seen.getValue());
      }
    }
    return first;
  }

  /** The latencies, in nanoseconds, of {@code changes} that arrived; -1 for one that did not. */
  List<Long> latencies(List<Change> changes) {
    List<Long> latencies = new ArrayList<>(changes.size());
    for (Change change : changes) {
      long at = at(change);
      latencies.add(at < 0 ? -1 : Math.max(0, at - change.answeredNanos()));
    }
    return latencies;
  }
}
