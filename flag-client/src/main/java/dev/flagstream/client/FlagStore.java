package dev.flagstream.client;

import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.ChangeOrder;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.HeldState;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The flags a client holds, in a concurrent map: compiled for evaluation, with the version of each
 * and the markers of deleted ones, so that duplicates, stale events and late upserts of deleted
 * flags change nothing ({@link ChangeOrder}). Snapshot refreshes follow the same rules as the
 * reference consumer, {@code VersionedFlagSet}. Reads are lock-free; writes, from the stream and
 * from snapshot refreshes, are serialized.
 *
 * <p>Markers are kept for {@link #MARKER_RETENTION}, longer than the topic keeps a tombstone by
 * default ({@code delete.retention.ms}, 24 h), so that they do not pile up with names that come and
 * go: an expired marker is as good as none, and writes drop expired ones every {@link
 * #PURGE_EVERY}.
 */
final class FlagStore {
  /** How long the marker of a deleted or removed flag is kept after it was written. */
  static final Duration MARKER_RETENTION = Duration.ofHours(25);

  /** How often a write looks for expired markers to drop. */
  static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  /**
   * What is held for a name: the flag, compiled, or, when {@code compiled} is null, the marker of
   * its deletion or of its removal by a snapshot.
   *
   * @param receivedRevision the revision of the event or snapshot that brought it, {@link
   *     FlagSnapshot#UNKNOWN_REVISION} when unknown
   */
  record Held(
      HeldState state,
      @Nullable CompiledFlag compiled,
      long receivedRevision,
      long receivedAtNanos) {
    @Nullable Flag flag() {
      return compiled == null ? null : compiled.flag();
    }
  }

  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
  private long lastPurgeNanos;
  private volatile long revision = -1;
  // Readers waiting for a revision token sleep on this; every write wakes them to look again.
  private final ReentrantLock written = new ReentrantLock();
  private final Condition anyWrite = written.newCondition();

  FlagStore(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastPurgeNanos = nanoTime.getAsLong();
  }

  /** The flag of that name, compiled, or null. */
  @Nullable CompiledFlag get(String name) {
    Held current = held.get(name);
    return current == null ? null : current.compiled();
  }

  Collection<Flag> flags() {
    List<Flag> flags = new ArrayList<>();
    held.values()
        .forEach(
            h -> {
              if (h.flag() != null) {
                flags.add(h.flag());
              }
            });
    flags.sort(Comparator.comparing(Flag::name));
    return flags;
  }

  /** The highest revision of any event, heartbeat or snapshot applied, or -1 before the first. */
  long revision() {
    return revision;
  }

  /** Whether the store has applied the change {@code token} names, or a later one of its flag. */
  boolean hasApplied(RevisionToken token) {
    return token.isReachedBy(stateOf(live(token.name())));
  }

  /**
   * Waits up to {@code timeoutNanos} until every token is {@linkplain #hasApplied applied}.
   *
   * @return whether they all were in time
   */
  boolean awaitApplied(List<RevisionToken> tokens, long timeoutNanos) throws InterruptedException {
    long remaining = timeoutNanos;
    written.lock();
    try {
      while (!tokens.stream().allMatch(this::hasApplied)) {
        if (remaining <= 0) {
          return false;
        }
        remaining = anyWrite.awaitNanos(remaining);
      }
      return true;
    } finally {
      written.unlock();
    }
  }

  /** Applies a change event; the change of a held flag it caused, if any. */
  synchronized Optional<FlagChanged> apply(FlagChangeEvent event) {
    Optional<FlagChanged> change =
        replace(
            event.name(),
            event.version(),
            event.op(),
            event.flag(),
            event.revision(),
            event.changedAt());
    // Raised after the flag is replaced, so that a reader never sees a revision ahead of the flags.
    raiseRevision(event.revision());
    return change;
  }

  /** Applies a tombstone, carrying the deleted version when its producer sent one. */
  synchronized Optional<FlagChanged> applyTombstone(String name, @Nullable Long version) {
    Held current = live(name);
    if (version == null) {
      if (current == null || current.flag() == null) {
        return Optional.empty();
      }
      return replace(
          name,
          current.state().version(),
          ChangeOp.DELETE,
          null,
          FlagSnapshot.UNKNOWN_REVISION,
          null);
    }
    return replace(name, version, ChangeOp.DELETE, null, FlagSnapshot.UNKNOWN_REVISION, null);
  }

  /** Applies a capture heartbeat: no flag changes, the revision held rises to its revision. */
  synchronized void applyHeartbeat(long heartbeatRevision) {
    raiseRevision(heartbeatRevision);
  }

  /**
   * Makes the held flags agree with a snapshot requested at {@code requestedAtNanos}: its flags
   * apply as upserts, and a held flag it lacks is removed only when it arrived before the request
   * and the snapshot {@linkplain ChangeOrder#snapshotProvesGone proves it gone}. A removal leaves
   * an absence marker, which a change of the same version lifts.
   *
   * @return the changes of held flags, in no particular order
   */
  synchronized List<FlagChanged> reconcile(FlagSnapshot snapshot, long requestedAtNanos) {
    List<FlagChanged> changes = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Flag flag : snapshot.flags()) {
      present.add(flag.name());
      replace(flag.name(), flag.version(), ChangeOp.UPSERT, flag, snapshot.revision(), null)
          .ifPresent(changes::add);
    }
    for (var entry : held.entrySet()) {
      Held current = entry.getValue();
      if (current.flag() != null
          && !present.contains(entry.getKey())
          && current.receivedAtNanos() - requestedAtNanos < 0
          && ChangeOrder.snapshotProvesGone(snapshot.revision(), current.receivedRevision())) {
        held.put(
            entry.getKey(),
            new Held(
                HeldState.absent(current.state().version()),
                null,
                snapshot.revision(),
                nanoTime.getAsLong()));
        changes.add(new FlagChanged(entry.getKey(), current.flag(), null, null));
      }
    }
    raiseRevision(snapshot.revision());
    wakeWaiters();
    return changes;
  }

  /** Drops markers past their retention now rather than on a later write; for tests. */
  synchronized void cleanUp() {
    long now = nanoTime.getAsLong();
    held.values().removeIf(h -> expired(h, now));
    lastPurgeNanos = now;
  }

  /** How many names are held, flags and markers, expired ones included until dropped; for tests. */
  int heldNames() {
    return held.size();
  }

  /** What is held for {@code name}, an expired marker being as good as none. */
  private @Nullable Held live(String name) {
    Held current = held.get(name);
    return current == null || expired(current, nanoTime.getAsLong()) ? null : current;
  }

  private static boolean expired(Held held, long now) {
    return held.compiled() == null && now - held.receivedAtNanos() >= MARKER_RETENTION.toNanos();
  }

  /** Called by every write: drops expired markers once every {@link #PURGE_EVERY}. */
  private void purgeNowAndThen(long now) {
    if (now - lastPurgeNanos >= PURGE_EVERY.toNanos()) {
      cleanUp();
    }
  }

  private void raiseRevision(long seen) {
    if (seen > revision) {
      revision = seen;
    }
  }

  private Optional<FlagChanged> replace(
      String name,
      long version,
      ChangeOp op,
      @Nullable Flag flag,
      long receivedRevision,
      @Nullable Instant committedAt) {
    Held current = live(name);
    if (!ChangeOrder.supersedes(stateOf(current), version, op)) {
      return Optional.empty();
    }
    long now = nanoTime.getAsLong();
    purgeNowAndThen(now);
    // Interned, so that the lookup of a caller's name written as a literal, the usual
    // isEnabled("new-checkout", ...), ends at the map's identity check without comparing text.
    held.put(
        name.intern(),
        flag == null
            ? new Held(HeldState.deleted(version), null, receivedRevision, now)
            : new Held(HeldState.flag(version), CompiledFlag.of(flag), receivedRevision, now));
    wakeWaiters();
    Flag previous = current == null ? null : current.flag();
    if (previous == null && flag == null) {
      return Optional.empty();
    }
    return Optional.of(new FlagChanged(name, previous, flag, committedAt));
  }

  private static @Nullable HeldState stateOf(@Nullable Held current) {
    return current == null ? null : current.state();
  }

  private void wakeWaiters() {
    written.lock();
    try {
      anyWrite.signalAll();
    } finally {
      written.unlock();
    }
  }
}
