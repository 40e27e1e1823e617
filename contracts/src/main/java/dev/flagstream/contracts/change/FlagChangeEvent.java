package dev.flagstream.contracts.change;

import static java.util.Objects.requireNonNull;

import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A committed change of one flag, as published on the compacted topic under the flag's name.
 * Carries the whole state after the change, so the latest event of every name is enough to rebuild
 * all flags.
 *
 * @param schemaVersion the wire format's version, {@value #SCHEMA_VERSION} for this class; additive
 *     changes keep it, breaking ones raise it
 * @param op whether the flag was upserted or deleted
 * @param name the flag's name, equal to the Kafka key
 * @param flag the flag after the change; null exactly when {@code op} is {@link ChangeOp#DELETE}
 * @param version the flag's version after the change; for a delete, the version of the state that
 *     was deleted. A delete supersedes an upsert of the same version (see {@link ChangeOrder})
 * @param revision position of the change's transaction in the commit order of all flags; a consumer
 *     that applied every event up to revision R holds the state of revision R
 * @param changedAt when the change was committed
 */
public record FlagChangeEvent(
    int schemaVersion,
    ChangeOp op,
    String name,
    @Nullable Flag flag,
    long version,
    long revision,
    Instant changedAt) {
  /** The schema version this class reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  public FlagChangeEvent {
    requireNonNull(op, "op");
    requireNonNull(name, "name");
    requireNonNull(changedAt, "changedAt");
    if (op == ChangeOp.UPSERT) {
      requireNonNull(flag, "an UPSERT carries the flag");
      if (!flag.name().equals(name) || flag.version() != version) {
        throw new IllegalArgumentException(
            "an UPSERT's name and version are its flag's, got "
                + name
                + "@"
                + version
                + " for "
                + flag.name()
                + "@"
                + flag.version());
      }
    } else if (flag != null) {
      throw new IllegalArgumentException("a DELETE carries no flag");
    }
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative, got " + revision);
    }
  }

  /** The event for {@code flag} having been created or changed. */
  public static FlagChangeEvent upsert(Flag flag, long revision, Instant changedAt) {
    return new FlagChangeEvent(
        SCHEMA_VERSION, ChangeOp.UPSERT, flag.name(), flag, flag.version(), revision, changedAt);
  }

  /** The event for flag {@code name}, last at {@code version}, having been deleted. */
  public static FlagChangeEvent delete(
      String name, long version, long revision, Instant changedAt) {
    return new FlagChangeEvent(
        SCHEMA_VERSION, ChangeOp.DELETE, name, null, version, revision, changedAt);
  }
}
