package dev.flagstream.contracts.change;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The flags a change stream describes, built by applying its records in the order they arrive under
 * {@link ChangeOrder}, and refreshed from snapshots. The reference consumer: the conformance
 * suite's change-stream cases are run against it, and every other store must agree with it.
 *
 * <p>Every record and snapshot it receives is counted; the count is the set's notion of time. A
 * caller about to request a snapshot takes {@link #mark()}, and hands it to {@link #reconcile} with
 * the snapshot, so that what arrived meanwhile is not removed by a snapshot that cannot know it.
 *
 * <p>Thread-safe: one thread may apply while any number read.
 */
public final class VersionedFlagSet {
  /**
   * What is held for a name: the flag, or the marker of its deletion or of its removal by a
   * snapshot, when {@code flag} is null.
   *
   * @param receivedRevision the revision of the event or snapshot that brought it, {@link
   *     FlagSnapshot#UNKNOWN_REVISION} when unknown
   * @param receivedAt the value of the arrival count when it came
   */
  private record Held(
      HeldState state, @Nullable Flag flag, long receivedRevision, long receivedAt) {
    static Held flag(Flag flag, long receivedRevision, long receivedAt) {
      return new Held(HeldState.flag(flag.version()), flag, receivedRevision, receivedAt);
    }

    static Held deleted(long version, long receivedRevision, long receivedAt) {
      return new Held(HeldState.deleted(version), null, receivedRevision, receivedAt);
    }

    static Held absent(long version, long receivedRevision, long receivedAt) {
      return new Held(HeldState.absent(version), null, receivedRevision, receivedAt);
    }
  }

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private volatile long revision = -1;
  private long arrivals;

  /**
   * Applies an event unless what is held supersedes it.
   *
   * @return whether the visible flags changed
   */
  public synchronized boolean apply(FlagChangeEvent event) {
    long at = arrivals++;
    revision = Math.max(revision, event.revision());
    Held current = held.get(event.name());
    if (!ChangeOrder.supersedes(stateOf(current), event.version(), event.op())) {
      return false;
    }
    Flag flag = event.flag();
    held.put(
        event.name(),
        flag == null
            ? Held.deleted(event.version(), event.revision(), at)
            : Held.flag(flag, event.revision(), at));
    return visibleChange(current, flag);
  }

  /**
   * Applies the tombstone of flag {@code name}.
   *
   * @param version the version of the deleted state when the tombstone carries it (Flagstream's
   *     publisher always adds it as a header), or null
   * @return whether the visible flags changed
   */
  public synchronized boolean applyTombstone(String name, @Nullable Long version) {
    long at = arrivals++;
    Held current = held.get(name);
    if (version == null) {
      // Without a version a tombstone can only delete what is there; it cannot fence off stale
      // upserts of versions it does not know.
      if (current == null || current.flag() == null) {
        return false;
      }
      held.put(name, Held.deleted(current.state().version(), FlagSnapshot.UNKNOWN_REVISION, at));
      return true;
    }
    if (!ChangeOrder.supersedes(stateOf(current), version, ChangeOp.DELETE)) {
      return false;
    }
    held.put(name, Held.deleted(version, FlagSnapshot.UNKNOWN_REVISION, at));
    return visibleChange(current, null);
  }

  /**
   * Applies a capture heartbeat: it holds no flag, but proves the stream complete up to its
   * revision.
   */
  public synchronized void applyHeartbeat(CaptureHeartbeat heartbeat) {
    arrivals++;
    revision = Math.max(revision, heartbeat.revision());
  }

  /** This moment in the set's time: pass it to {@link #reconcile} with a snapshot requested now. */
  public synchronized long mark() {
    return arrivals;
  }

  /**
   * Makes the held flags agree with a snapshot requested at {@code requestedAt}, a {@link #mark()}.
   * Every flag of the snapshot is applied as an upsert. A held flag the snapshot lacks is removed
   * only when it arrived before the request and the snapshot {@linkplain
   * ChangeOrder#snapshotProvesGone proves it gone}; the removal leaves an absence marker that a
   * change of the same version lifts. The revision held becomes the snapshot's when that is higher.
   *
   * @return whether the visible flags changed
   */
  public synchronized boolean reconcile(FlagSnapshot snapshot, long requestedAt) {
    long at = arrivals++;
    revision = Math.max(revision, snapshot.revision());
    boolean changed = false;
    Set<String> present = new HashSet<>();
    for (Flag flag : snapshot.flags()) {
      present.add(flag.name());
      Held current = held.get(flag.name());
      if (ChangeOrder.supersedes(stateOf(current), flag.version(), ChangeOp.UPSERT)) {
        held.put(flag.name(), Held.flag(flag, snapshot.revision(), at));
        changed |= visibleChange(current, flag);
      }
    }
    for (var entry : held.entrySet()) {
      Held current = entry.getValue();
      if (current.flag() != null
          && !present.contains(entry.getKey())
          && current.receivedAt() < requestedAt
          && ChangeOrder.snapshotProvesGone(snapshot.revision(), current.receivedRevision())) {
        entry.setValue(Held.absent(current.state().version(), snapshot.revision(), at));
        changed = true;
      }
    }
    return changed;
  }

  private static @Nullable HeldState stateOf(@Nullable Held held) {
    return held == null ? null : held.state();
  }

  private static boolean visibleChange(@Nullable Held previous, @Nullable Flag next) {
    return next != null || (previous != null && previous.flag() != null);
  }

  /** The flag of that name, or null when none is known or it was deleted or removed. */
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

  /** The highest revision of any event, heartbeat or snapshot seen, or -1 before the first. */
  public long revision() {
    return revision;
  }
}
