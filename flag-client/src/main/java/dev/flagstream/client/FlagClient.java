package dev.flagstream.client;

import dev.flagstream.contracts.evaluation.Reason;
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

  /**
   * The evaluation of {@code flag} for {@code userId}, with its reason, the user's bucket and the
   * flag's version. For a flag the client does not hold (unknown, deleted, or not read yet while
   * starting) the value is off, the reason {@link Reason#FLAG_NOT_FOUND}, the version 0 and {@link
   * FlagEvaluation#defaulted()} true. Never null; never blocks.
   *
   * @param userId the user's id; null or empty when there is none
   */
  FlagEvaluation evaluate(String flag, @Nullable String userId);

  /** The flag held under {@code name}, or null. */
  @Nullable Flag flag(String name);

  /** Every flag held, by name. */
  Collection<Flag> flags();

  /**
   * Calls {@code listener} after every change of a held flag, once the change is visible to the
   * evaluation methods; closing the returned subscription stops the calls. A client from {@link
   * #builder()} calls it on the thread that applied the change (the topic reader's, or the snapshot
   * refresh's, so two calls may overlap), and logs and swallows an exception it throws, so that the
   * listener still hears of later changes; it should return quickly, as the changes after it wait.
   */
  Subscription onChange(Consumer<FlagChanged> listener);

  /**
   * Calls {@code listener} with every new status, in the order the status changes; closing the
   * returned subscription stops the calls. A client from {@link #builder()} calls it on the thread
   * whose report changed the status (the topic reader's, the snapshot refresh's, or the client's
   * timer) while it holds the lock that orders status changes: the listener must return quickly and
   * must not wait for the client ({@link #awaitReady} would wait in vain). The client logs and
   * swallows an exception the listener throws.
   */
  Subscription onStatus(Consumer<ClientStatus> listener);

  /**
   * How far the flags can be trusted now: {@link ClientStatus#STARTING} until the flags were read
   * once, {@link ClientStatus#READY} while they are current, {@link ClientStatus#STALE} while the
   * client serves what it holds but may be behind, {@link ClientStatus#ERROR} when it could not
   * start in time or its reader stopped for good; see {@link ClientStatus}. Never null; never
   * blocks.
   */
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

  /**
   * Stops receiving changes and releases the client's threads and connections; may block for a few
   * seconds while the topic reader stops. Idempotent: closing a closed client does nothing. Calls
   * made after closing still return, from whatever the client still holds, which may be nothing.
   */
  @Override
  void close();
}
