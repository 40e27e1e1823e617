package dev.flagstream.evaluator.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The names of the flags changed at the last few revisions, so that a stream reconnecting with
 * {@code Last-Event-ID} gets just what it missed. It answers only for revisions from which it knows
 * every change: not for one before it began listening, nor before a change it has since dropped.
 * Thread-safe.
 */
final class RecentChanges {
  private record Change(long revision, String flag) {}

  private final int capacity;
  private final Deque<Change> changes = new ArrayDeque<>();
  // Changes at or before this revision may be missing: before it began listening, or dropped.
  private long unknownUpTo = Long.MIN_VALUE;

  RecentChanges(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(long revision, String flag) {
    changes.addLast(new Change(revision, flag));
    if (changes.size() > capacity) {
      unknownUpTo(changes.removeFirst().revision());
    }
  }

  /** Changes up to {@code revision} may be missing: they came before anyone told this of them. */
  synchronized void unknownUpTo(long revision) {
    unknownUpTo = Math.max(unknownUpTo, revision);
  }

  /**
   * The flags changed after {@code revision}, or empty when changes since then may be missing (or
   * the revision is not one of this evaluator's), and the caller needs everything.
   */
  synchronized Optional<Set<String>> since(long revision, long current) {
    if (revision > current || revision < unknownUpTo) {
      return Optional.empty();
    }
    Set<String> flags = new LinkedHashSet<>();
    changes.stream()
        .filter(change -> change.revision() > revision)
        .forEach(change -> flags.add(change.flag()));
    return Optional.of(flags);
  }
}
