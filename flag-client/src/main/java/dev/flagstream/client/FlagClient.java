package dev.flagstream.client;

import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Feature flags for a service: all flags held in memory, kept up to date from the flag topic the
 * moment a change is committed, with a periodic snapshot as a safety net. Evaluation never blocks
 * and does no I/O. Thread-safe; share one instance per service and close it on shutdown.
 *
 * <pre>{@code
 * FlagClient flags = FlagClient.builder().kafka("kafka:9092").build();
 * flags.awaitReady(Duration.ofSeconds(10));
 * if (flags.isEnabled("new-checkout", user.id())) { ... }
 * }</pre>
 */
public interface FlagClient extends AutoCloseable {

  /** Starts building a client. */
  static FlagClientBuilder builder() {
    return new FlagClientBuilder();
  }

  /**
   * Whether {@code flag} is on for {@code userId}; {@code defaultValue} when the flag is unknown,
   * also while the client is still starting.
   *
   * @param userId the user's id; null or empty when there is none
   */
  boolean isEnabled(String flag, @Nullable String userId, boolean defaultValue);

  /** Whether {@code flag} is on for {@code userId}; off when the flag is unknown. */
  default boolean isEnabled(String flag, @Nullable String userId) {
    return isEnabled(flag, userId, false);
  }

  /** The evaluation of {@code flag} for {@code userId}, with its reason and the flag's version. */
  FlagEvaluation evaluate(String flag, @Nullable String userId);

  /** The flag held under {@code name}, or null. */
  @Nullable Flag flag(String name);

  /** Every flag held, by name. */
  Collection<Flag> flags();

  /** Calls {@code listener} on the client's update thread after every change of a held flag. */
  Subscription onChange(Consumer<FlagChanged> listener);

  /** Calls {@code listener} with every new status. */
  Subscription onStatus(Consumer<ClientStatus> listener);

  /** How far the flags can be trusted now; see {@link ClientStatus}. */
  ClientStatus status();

  /**
   * The highest change-stream revision applied, from a change, a capture heartbeat or a snapshot,
   * or -1 before the first.
   */
  long revision();

  /**
   * How long ago the flags were last known to be up to date: while {@link ClientStatus#READY}, at
   * most about one heartbeat interval of the capture (a few seconds without heartbeats); growing
   * while the client is stale, except that a snapshot refresh makes it as fresh as the snapshot's
   * holder knew its flags to be. Before the first read, the time since the client started.
   */
  Duration dataAge();

  /**
   * How many records of the flag topic were skipped because they could not be read (not a valid
   * change event or heartbeat, a tombstone with a malformed version, a key that is not the event's
   * flag); each is logged as a warning. 0 for clients that read no topic.
   */
  default long skippedRecords() {
    return 0;
  }

  /**
   * Waits until the client's status is {@link ClientStatus#READY}, up to {@code timeout}. When it
   * returns true, {@link #status()} read right after is READY unless the status changed again.
   *
   * @return whether it was ready in time; false also while it is {@link ClientStatus#STALE}
   * @throws InterruptedException if interrupted while waiting
   */
  boolean awaitReady(Duration timeout) throws InterruptedException;

  /**
   * Waits until the client has applied the changes that {@code revisionTokens} name, or later
   * changes of the same flags, up to {@code timeout}: how a caller reads its own writes. The admin
   * service answers every flag write with the token of its change in the {@code
   * Flagstream-Revision} header; pass it here before evaluating.
   *
   * @param revisionTokens one token, or several joined by commas, as the admin service wrote them
   * @return whether every change was applied in time; when not, the client goes on serving what it
   *     holds
   * @throws IllegalArgumentException when {@code revisionTokens} holds no valid revision token
   * @throws InterruptedException if interrupted while waiting
   */
  boolean awaitRevision(String revisionTokens, Duration timeout) throws InterruptedException;

  /** Stops receiving changes and releases the client's threads and connections. */
  @Override
  void close();
}
