package dev.flagstream.contracts.change;

import dev.flagstream.contracts.snapshot.FlagSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The rule by which every consumer decides whether an incoming change of a flag replaces what it
 * holds. Versions order the changes of one flag; at an equal version a delete comes after the
 * upsert it deletes. Duplicates and stale events, which at-least-once delivery and replays bring,
 * are therefore ignored, and a delete stays deleted when an older upsert arrives after it.
 *
 * <p>A consumer must remember the version of a deleted flag (a deletion marker) for as long as an
 * older upsert of it may still arrive.
 *
 * <p>A snapshot refresh takes every flag of the snapshot under the same rule, and removes a held
 * flag the snapshot lacks only when the snapshot proves it gone ({@link #snapshotProvesGone}). Such
 * a removal leaves an absence marker ({@link HeldState.Kind#ABSENT}), not a deletion marker: the
 * snapshot saw no delete, so a change of the removed version brings the flag back.
 */
public final class ChangeOrder {
  private ChangeOrder() {}

  /**
   * Whether a change replaces what is held.
   *
   * @param held what the consumer holds for the change's flag, null when it holds nothing
   * @param version the incoming change's version
   * @param op whether the incoming change is an upsert or a delete
   */
  public static boolean supersedes(@Nullable HeldState held, long version, ChangeOp op) {
    if (held == null) {
      return true;
    }
    return switch (held.kind()) {
      case FLAG -> version > held.version() || version == held.version() && op == ChangeOp.DELETE;
      case DELETED -> version > held.version();
      case ABSENT -> version >= held.version();
    };
  }

  /**
   * Whether a snapshot that lacks a flag the consumer holds proves the flag gone. A snapshot
   * without a revision ({@link FlagSnapshot#UNKNOWN_REVISION}) is read from the database, the
   * source of truth, and proves it. A snapshot with a revision proves it only when its revision is
   * strictly greater than the one at which the consumer received what it holds: its holder then
   * applied that change, and a later one that removed the flag. Changes of one transaction share a
   * revision, so an equal revision proves nothing; nor does a lagging snapshot, nor any snapshot
   * for a flag received from a snapshot without a revision.
   *
   * <p>The caller also makes sure that what it holds arrived before the snapshot was requested.
   *
   * @param snapshotRevision the snapshot's revision, or {@link FlagSnapshot#UNKNOWN_REVISION}
   * @param receivedRevision the revision of the event, or of the snapshot, that brought what is
   *     held; {@link FlagSnapshot#UNKNOWN_REVISION} when that snapshot had none
   */
  public static boolean snapshotProvesGone(long snapshotRevision, long receivedRevision) {
    if (snapshotRevision == FlagSnapshot.UNKNOWN_REVISION) {
      return true;
    }
    return receivedRevision != FlagSnapshot.UNKNOWN_REVISION && snapshotRevision > receivedRevision;
  }
}
