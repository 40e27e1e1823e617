package dev.flagstream.client.spring;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Counts evaluations by flag and value, without allocating once a flag is known: the first {@code
 * maxTaggedFlags} flags evaluated get counters of their own, every later one shares those of
 * {@value #OTHER}. Thread-safe.
 */
final class EvaluationCounts {
  /** The flag name under which flags beyond the cap are counted. */
  static final String OTHER = "other";

  private final int maxTaggedFlags;
  private final ConcurrentHashMap<String, LongAdder[]> byFlag = new ConcurrentHashMap<>();
  private final LongAdder[] other = {new LongAdder(), new LongAdder()};
  private volatile BiConsumer<String, LongAdder[]> onNewFlag = (flag, counters) -> {};

  EvaluationCounts(int maxTaggedFlags) {
    if (maxTaggedFlags < 0) {
      throw new IllegalArgumentException("maxTaggedFlags must not be negative");
    }
    this.maxTaggedFlags = maxTaggedFlags;
  }

  /** Counts one evaluation of {@code flag} to {@code value}. */
  void record(String flag, boolean value) {
    LongAdder[] counters = byFlag.get(flag);
    if (counters == null) {
      counters = counters(flag);
    }
    counters[value ? 1 : 0].increment();
  }

  private LongAdder[] counters(String flag) {
    synchronized (byFlag) {
      LongAdder[] counters = byFlag.get(flag);
      if (counters != null) {
        return counters;
      }
      if (byFlag.size() >= maxTaggedFlags) {
        return other;
      }
      counters = new LongAdder[] {new LongAdder(), new LongAdder()};
      byFlag.put(flag, counters);
      onNewFlag.accept(flag, counters);
      return counters;
    }
  }

  /**
   * Calls {@code listener} with the counters of {@value #OTHER} and of every flag counted so far,
   * then with those of each flag counted from now on: {@code [false, true]}.
   */
  void forEachFlag(BiConsumer<String, LongAdder[]> listener) {
    synchronized (byFlag) {
      listener.accept(OTHER, other);
      byFlag.forEach(listener);
      onNewFlag = listener;
    }
  }
}
