package dev.flagstream.contracts.change;

import dev.flagstream.contracts.flag.Flag;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The flags a change stream describes, built by applying its records in the order they arrive under
 * {@link ChangeOrder}. The reference consumer: the conformance suite's change-stream cases are run
 * against it, and every other store must agree with it.
 *
 * <p>Thread-safe: one thread may apply while any number read.
 */
public final class VersionedFlagSet {
  /** A flag, or the marker of its deletion when {@code flag} is null. */
  private record Held(long version, @Nullable Flag flag) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private volatile long revision = -1;

  /**
   * Applies an event unless what is held supersedes it.
   *
   * @return whether the visible flags changed
   */
  public synchronized boolean apply(FlagChangeEvent event) {
    revision = Math.max(revision, event.revision());
    Held current = held.get(event.name());
    boolean delete = event.op() == ChangeOp.DELETE;
    if (!supersedes(current, event.version(), delete)) {
      return false;
    }
    held.put(event.name(), new Held(event.version(), event.flag()));
    return !delete || (current != null && current.flag() != null);
  }

  /**
   * Applies the tombstone of flag {@code name}.
   *
   * @param version the version of the deleted state when the tombstone carries it (Flagstream's
   *     publisher always adds it as a header), or null
   * @return whether the visible flags changed
   */
  public synchronized boolean applyTombstone(String name, @Nullable Long version) {
    Held current = held.get(name);
    if (version == null) {
      // Without a version a tombstone can only delete what is there; it cannot fence off stale
      // upserts of versions it does not know.
      if (current == null || current.flag() == null) {
        return false;
      }
      held.put(name, new Held(current.version(), null));
      return true;
    }
    if (!supersedes(current, version, true)) {
      return false;
    }
    held.put(name, new Held(version, null));
    return current != null && current.flag() != null;
  }

  private static boolean supersedes(@Nullable Held current, long version, boolean delete) {
    return current == null
        ? ChangeOrder.supersedes(false, 0, false, version, delete)
        : ChangeOrder.supersedes(true, current.version(), current.flag() == null, version, delete);
  }

  /** The flag of that name, or null when none is known or it was deleted. */
  public @Nullable Flag get(String name) {
    Held current = held.get(name);
    return current == null ? null : current.flag();
  }

  /** A snapshot of all flags, by name in ascending order. */
  public Map<String, Flag> flags() {
    Map<String, Flag> flags = new TreeMap<>();
    held.forEach(
        (name, current) -> {
          if (current.flag() != null) {
            flags.put(name, current.flag());
          }
        });
    return Collections.unmodifiableMap(flags);
  }

  /** The highest revision of any event seen, or -1 before the first. */
  public long revision() {
    return revision;
  }
}
