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

  // The revision of a change a snapshot refresh found: above every revision, so always "since".
  private static final long UNPLACED = Long.MAX_VALUE;

  private final int capacity;
  private final Deque<Change> changes = new ArrayDeque<>();
  // Changes at or before this revision may be missing: before it began listening, or dropped.
  private long unknownUpTo = Long.MIN_VALUE;

  RecentChanges(int capacity) {
    this.capacity = capacity;
  }

  /** Records that {@code flag} changed at {@code revision}, the revision held once it applied. */
  synchronized void add(long revision, String flag) {
    record(new Change(revision, flag), revision);
  }

  /**
   * Records that {@code flag} changed at no known revision, {@code current} being the one held now:
   * a snapshot refresh found it, and it may belong to a revision after the one a reconnecting
   * browser names, even one this evaluator has not reached (a refresh while starting, before the
   * topic is read). Every reconnect is told of it, until it is dropped.
   */
  synchronized void addUnplaced(String flag, long current) {
    record(new Change(UNPLACED, flag), current);
  }

  private void record(Change change, long current) {
    changes.addLast(change);
    if (changes.size() > capacity) {
      long dropped = changes.removeFirst().revision();
      // Once it is dropped, any reconnect from before now may have missed an unplaced change.
      unknownUpTo(dropped == UNPLACED ? current : dropped);
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
