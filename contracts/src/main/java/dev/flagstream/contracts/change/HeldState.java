package dev.flagstream.contracts.change;

import static java.util.Objects.requireNonNull;

/**
 * What a consumer holds for one flag name, as {@link ChangeOrder} sees it: a version, and whether
 * that version is the flag itself, the marker of its deletion, or the marker of its removal by a
 * snapshot. A consumer that holds nothing for the name has no held state ({@code null}).
 *
 * @param version the version of the flag held, or of the flag deleted or removed
 * @param kind what is held at that version
 */
public record HeldState(long version, Kind kind) {

  /** What a consumer holds at a version. */
  public enum Kind {
    /** The flag at that version. */
    FLAG,
    /** The marker of the flag's deletion at that version: it fences off older upserts. */
    DELETED,
    /**
     * The marker of the flag's removal by a snapshot that proved it gone ({@link
     * ChangeOrder#snapshotProvesGone}). No delete was seen, so a change of that version brings the
     * flag back.
     */
    ABSENT
  }

  public HeldState {
    requireNonNull(kind, "kind");
  }

  /** The flag, held at {@code version}. */
  public static HeldState flag(long version) {
    return new HeldState(version, Kind.FLAG);
  }

  /** The marker of the flag deleted at {@code version}. */
  public static HeldState deleted(long version) {
    return new HeldState(version, Kind.DELETED);
  }

  /** The marker of the flag at {@code version} that a snapshot removed. */
  public static HeldState absent(long version) {
    return new HeldState(version, Kind.ABSENT);
  }
}
