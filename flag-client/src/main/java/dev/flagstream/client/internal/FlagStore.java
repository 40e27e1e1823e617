package dev.flagstream.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.ChangeOrder;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The flags a client holds, in a Caffeine cache: compiled for evaluation, with the version of each
 * and the markers of deleted ones, so that duplicates, stale events and late upserts of deleted
 * flags change nothing ({@link ChangeOrder}). Reads are lock-free and allocate nothing; writes,
 * from the stream and from snapshot refreshes, are serialized.
 */
public final class FlagStore {
  /** A flag, or the marker of its deletion when {@code compiled} is null. */
  record Held(@Nullable CompiledFlag compiled, long version, long receivedAtNanos) {
    @Nullable Flag flag() {
      return compiled == null ? null : compiled.flag();
    }
  }

  private final Cache<String, Held> held = Caffeine.newBuilder().build();
  private final LongSupplier nanoTime;
  private volatile long revision = -1;
  // Readers waiting for a revision token sleep on this; every write wakes them to look again.
  private final ReentrantLock written = new ReentrantLock();
  private final Condition anyWrite = written.newCondition();

  public FlagStore(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** The flag of that name, compiled, or null. */
  public @Nullable CompiledFlag get(String name) {
    Held current = held.getIfPresent(name);
    return current == null ? null : current.compiled();
  }

  public Collection<Flag> flags() {
    List<Flag> flags = new ArrayList<>();
    held.asMap().values().forEach(h -> Optional.ofNullable(h.flag()).ifPresent(flags::add));
    flags.sort(Comparator.comparing(Flag::name));
    return flags;
  }

  public long revision() {
    return revision;
  }

  /** Whether the store has applied the change {@code token} names, or a later one of its flag. */
  public boolean hasApplied(RevisionToken token) {
    Held current = held.getIfPresent(token.name());
    return current == null
        ? token.isReachedBy(false, 0, false)
        : token.isReachedBy(true, current.version(), current.flag() == null);
  }

  /**
   * Waits up to {@code timeoutNanos} until every token is {@linkplain #hasApplied applied}.
   *
   * @return whether they all were in time
   */
  public boolean awaitApplied(List<RevisionToken> tokens, long timeoutNanos)
      throws InterruptedException {
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
  public synchronized Optional<FlagChanged> apply(FlagChangeEvent event) {
    revision = Math.max(revision, event.revision());
    boolean delete = event.op() == ChangeOp.DELETE;
    return replace(
        event.name(), event.version(), delete, delete ? null : event.flag(), event.changedAt());
  }

  /** Applies a tombstone, carrying the deleted version when its producer sent one. */
  public synchronized Optional<FlagChanged> applyTombstone(String name, @Nullable Long version) {
    Held current = held.getIfPresent(name);
    if (version == null) {
      if (current == null || current.flag() == null) {
        return Optional.empty();
      }
      return replace(name, current.version(), true, null, null);
    }
    return replace(name, version, true, null, null);
  }

  /**
   * Makes the held flags agree with a snapshot requested at {@code requestedAtNanos}: newer
   * versions are taken, and a held flag absent from it is dropped, unless it arrived after the
   * request, when the snapshot cannot have known it.
   */
  public synchronized List<FlagChanged> reconcile(FlagSnapshot snapshot, long requestedAtNanos) {
    if (snapshot.revision() > revision) {
      revision = snapshot.revision();
    }
    List<FlagChanged> changes = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Flag flag : snapshot.flags()) {
      present.add(flag.name());
      replace(flag.name(), flag.version(), false, flag, null).ifPresent(changes::add);
    }
    for (var entry : held.asMap().entrySet()) {
      Held current = entry.getValue();
      if (current.flag() != null
          && !present.contains(entry.getKey())
          && current.receivedAtNanos() - requestedAtNanos < 0) {
        replace(entry.getKey(), current.version(), true, null, null).ifPresent(changes::add);
      }
    }
    return changes;
  }

  private Optional<FlagChanged> replace(
      String name,
      long version,
      boolean delete,
      @Nullable Flag flag,
      @Nullable Instant committedAt) {
    Held current = held.getIfPresent(name);
    boolean applies =
        current == null
            ? ChangeOrder.supersedes(false, 0, false, version, delete)
            : ChangeOrder.supersedes(
                true, current.version(), current.flag() == null, version, delete);
    if (!applies) {
      return Optional.empty();
    }
    held.put(
        name, new Held(flag == null ? null : CompiledFlag.of(flag), version, nanoTime.getAsLong()));
    written.lock();
    try {
      anyWrite.signalAll();
    } finally {
      written.unlock();
    }
    Flag previous = current == null ? null : current.flag();
    if (previous == null && flag == null) {
      return Optional.empty();
    }
    return Optional.of(new FlagChanged(name, previous, flag, committedAt));
  }
}
