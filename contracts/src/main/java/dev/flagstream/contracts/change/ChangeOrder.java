package dev.flagstream.contracts.change;

/**
 * The rule by which every consumer decides whether an incoming change of a flag replaces what it
 * holds. Versions order the changes of one flag; at an equal version a delete comes after the
 * upsert it deletes. Duplicates and stale events, which at-least-once delivery and replays bring,
 * are therefore ignored, and a delete stays deleted when an older upsert arrives after it.
 *
 * <p>A consumer must remember the version of a deleted flag (a deletion marker) for as long as an
 * older upsert of it may still arrive.
 */
public final class ChangeOrder {
  private ChangeOrder() {}

  /**
   * Whether a change replaces what is held.
   *
   * @param heldVersion the version held, ignored when {@code held} is false
   * @param held whether anything, a flag or a deletion marker, is held for the name
   * @param heldDeleted whether what is held is a deletion marker
   * @param version the incoming change's version
   * @param delete whether the incoming change is a delete
   */
  public static boolean supersedes(
      boolean held, long heldVersion, boolean heldDeleted, long version, boolean delete) {
    if (!held || version > heldVersion) {
      return true;
    }
    return version == heldVersion && delete && !heldDeleted;
  }
}
