package dev.flagstream.client.testing;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.client.Subscription;
import dev.flagstream.contracts.change.HeldState;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlagClient} for tests of code that uses flags: always ready, holding exactly the flags
 * the test sets, evaluating them with the real algorithm. Change listeners are called on the thread
 * that sets or removes a flag, and an exception they throw reaches that caller, so the test sees
 * it. Thread-safe.
 *
 * <pre>{@code
 * InMemoryFlagClient flags = new InMemoryFlagClient().enable("new-checkout");
 * }</pre>
 */
public final class InMemoryFlagClient implements FlagClient {
  private final Map<String, Flag> flags = new ConcurrentHashMap<>();
  // The versions of removed flags, so that revision tokens of deletes are answered correctly.
  private final Map<String, Long> removed = new ConcurrentHashMap<>();
  private final List<Consumer<FlagChanged>> listeners = new CopyOnWriteArrayList<>();

  /** Holds {@code name} switched on for everyone. */
  public InMemoryFlagClient enable(String name) {
    return set(Flag.builder(name).enabled(true).rolloutPercentage(100).build());
  }

  /** Holds {@code name} switched off. */
  public InMemoryFlagClient disable(String name) {
    return set(Flag.builder(name).enabled(false).build());
  }

  /** Holds {@code flag}, replacing any flag of its name, and tells the listeners. */
  public InMemoryFlagClient set(Flag flag) {
    Flag previous;
    synchronized (this) {
      previous = flags.put(flag.name(), flag);
      removed.remove(flag.name());
      notifyAll();
    }
    listeners.forEach(
        listener -> listener.accept(new FlagChanged(flag.name(), previous, flag, null)));
    return this;
  }

  /** Forgets {@code name}, and tells the listeners. */
  public InMemoryFlagClient remove(String name) {
    Flag previous;
    synchronized (this) {
      previous = flags.remove(name);
      if (previous != null) {
        removed.put(name, previous.version());
      }
      notifyAll();
    }
    if (previous != null) {
      listeners.forEach(listener -> listener.accept(new FlagChanged(name, previous, null, null)));
    }
    return this;
  }

  @Override
  public boolean isEnabled(String flag, @Nullable String userId, boolean defaultValue) {
    Flag held = flags.get(flag);
    return held == null ? defaultValue : FlagEvaluator.evaluate(held, userId).value();
  }

  @Override
  public FlagEvaluation evaluate(String flag, @Nullable String userId) {
    Flag held = flags.get(flag);
    Evaluation evaluation = FlagEvaluator.evaluate(held, userId);
    return new FlagEvaluation(
        flag,
        evaluation.value(),
        evaluation.reason(),
        evaluation.bucket(),
        held == null ? 0 : held.version(),
        held == null);
  }

  @Override
  public @Nullable Flag flag(String name) {
    return flags.get(name);
  }

  @Override
  public Collection<Flag> flags() {
    return new TreeMap<>(flags).values();
  }

  @Override
  public Subscription onChange(Consumer<FlagChanged> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public Subscription onStatus(Consumer<ClientStatus> listener) {
    return () -> {};
  }

  @Override
  public ClientStatus status() {
    return ClientStatus.READY;
  }

  @Override
  public long revision() {
    return -1;
  }

  @Override
  public Duration dataAge() {
    return Duration.ZERO;
  }

  @Override
  public boolean awaitReady(Duration timeout) {
    return true;
  }

  /**
   * Waits until the flags this client holds, as set by the test, satisfy the tokens: a flag set at
   * the token's version or later, or, for a delete, removed.
   */
  @Override
  public synchronized boolean awaitRevision(String revisionTokens, Duration timeout)
      throws InterruptedException {
    List<RevisionToken> tokens = RevisionToken.parseAll(revisionTokens);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!tokens.stream().allMatch(this::holds)) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return true;
  }

  private boolean holds(RevisionToken token) {
    Flag held = flags.get(token.name());
    if (held != null) {
      return token.isReachedBy(HeldState.flag(held.version()));
    }
    Long deletedVersion = removed.get(token.name());
    return token.isReachedBy(deletedVersion == null ? null : HeldState.deleted(deletedVersion));
  }

  @Override
  public void close() {
    flags.clear();
  }
}
