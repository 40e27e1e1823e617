package dev.flagstream.evaluator.stream;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small number per flag, so that each stream can keep what it was last given of every flag in two
 * bits ({@link QueuedValues}) instead of a map entry: an evaluator holds thousands of streams, each
 * for every flag. A deleted flag's slot is handed out again once its deletion has been put to every
 * open stream, so slots stay about as many as flags. Not thread-safe: used under the streams' lock.
 */
final class FlagSlots {
  private final Map<String, Integer> slots = new HashMap<>();
  private final ArrayDeque<Integer> released = new ArrayDeque<>();

  /** The flag's slot, given one if it had none. */
  int slotOf(String flag) {
    Integer slot = slots.get(flag);
    if (slot == null) {
      slot = released.isEmpty() ? slots.size() : released.pop();
      slots.put(flag, slot);
    }
    return slot;
  }

  /** The flag's slot, or null if it has none: no stream has been given a value of it. */
  @Nullable Integer existing(String flag) {
    return slots.get(flag);
  }

  /**
   * Takes the flag's slot back for another flag. Only once no open stream holds a value in it, or
   * the next flag to get the slot would seem already sent to that stream.
   */
  void release(String flag) {
    Integer slot = slots.remove(flag);
    if (slot != null) {
      released.push(slot);
    }
  }

  int size() {
    return slots.size();
  }
}
