package dev.flagstream.evaluator.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The names of the flags changed at the last few revisions, so that a stream reconnecting with
 * {@code Last-Event-ID} gets just what it missed. Thread-safe.
 */
final class RecentChanges {
  private record Change(long revision, String flag) {}

  private final int capacity;
  private final Deque<Change> changes = new ArrayDeque<>();

  RecentChanges(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(long revision, String flag) {
    changes.addLast(new Change(revision, flag));
    if (changes.size() > capacity) {
      changes.removeFirst();
    }
  }

  /**
   * The flags changed after {@code revision}, or empty when changes since then may have been
   * forgotten (or the revision is not one of this evaluator's), and the caller needs everything.
   */
  synchronized Optional<Set<String>> since(long revision, long current) {
    if (revision > current) {
      return Optional.empty();
    }
    boolean covered = changes.size() < capacity || changes.peekFirst().revision() <= revision;
    if (!covered) {
      return Optional.empty();
    }
    Set<String> flags = new LinkedHashSet<>();
    changes.stream()
        .filter(change -> change.revision() > revision)
        .forEach(change -> flags.add(change.flag()));
    return Optional.of(flags);
  }
}
