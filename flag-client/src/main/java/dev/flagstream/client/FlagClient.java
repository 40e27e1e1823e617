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

  ClientStatus status();

  /** The highest change-stream revision applied, or -1 before the first change. */
  long revision();

  /**
   * How long ago the flags were last known to be up to date: near zero while the source is healthy,
   * growing while it is not.
   */
  Duration dataAge();

  /**
   * Waits until the client holds every flag, up to {@code timeout}.
   *
   * @return whether it became ready in time
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
