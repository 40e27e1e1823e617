package dev.flagstream.evaluator.stream;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The value of each flag last put in one stream's outbox, by the flag's slot ({@link FlagSlots}): a
 * bit for whether it was given one and a bit for the value, 16 bytes for 64 flags where a map would
 * take about 2.5 KB. Not thread-safe: used under the streams' lock.
 */
final class QueuedValues {
  private static final long[] NONE = new long[0];
  private long[] given = NONE;
  private long[] values = NONE;

  /** The value last queued in {@code slot}, or null if none was. */
  @Nullable Boolean get(int slot) {
    int word = slot >>> 6;
    if (word >= given.length || (given[word] & bit(slot)) == 0) {
      return null;
    }
    return (values[word] & bit(slot)) != 0;
  }

  void put(int slot, boolean value) {
    int word = slot >>> 6;
    if (word >= given.length) {
      int length = Math.max(word + 1, given.length * 2);
      given = Arrays.copyOf(given, length);
      values = Arrays.copyOf(values, length);
    }
    given[word] |= bit(slot);
    if (value) {
      values[word] |= bit(slot);
    } else {
      values[word] &= ~bit(slot);
    }
  }

  void remove(int slot) {
    int word = slot >>> 6;
    if (word < given.length) {
      given[word] &= ~bit(slot);
      values[word] &= ~bit(slot);
    }
  }

  private static long bit(int slot) {
    return 1L << slot; // the shift takes the slot modulo 64
  }
}
