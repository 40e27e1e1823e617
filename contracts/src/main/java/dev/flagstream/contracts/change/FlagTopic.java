package dev.flagstream.contracts.change;

/** Facts of the Kafka topic that carries flag changes, shared by its producer and consumers. */
public final class FlagTopic {
  /** The topic's default name. */
  public static final String DEFAULT_NAME = "flagstream.flags";

  /**
   * Header of a tombstone naming the version of the deleted state, as decimal ASCII. With it, a
   * consumer that missed the delete event still fences off older upserts.
   */
  public static final String TOMBSTONE_VERSION_HEADER = "flagstream-version";

  /**
   * The key of {@link CaptureHeartbeat} records. No flag can have it: flag names start with a
   * lower-case letter or a digit.
   */
  public static final String HEARTBEAT_KEY = "__heartbeat";

  private FlagTopic() {}
}
