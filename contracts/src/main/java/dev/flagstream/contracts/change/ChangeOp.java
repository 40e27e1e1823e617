package dev.flagstream.contracts.change;

/** What happened to a flag. */
public enum ChangeOp {
  /** The flag was created or changed; the event carries its whole new state. */
  UPSERT,
  /** The flag was deleted; a Kafka tombstone for its name follows. */
  DELETE
}
