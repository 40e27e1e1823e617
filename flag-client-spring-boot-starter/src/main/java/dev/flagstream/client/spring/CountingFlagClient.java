package dev.flagstream.client.spring;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.client.Subscription;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The starter's client: the built one, with every evaluation counted for the metrics. */
final class CountingFlagClient implements FlagClient {
  private final FlagClient client;
  private final EvaluationCounts counts;

  CountingFlagClient(FlagClient client, EvaluationCounts counts) {
    this.client = client;
    this.counts = counts;
  }

  EvaluationCounts counts() {
    return counts;
  }

  @Override
  public boolean isEnabled(String flag, @Nullable String userId, boolean defaultValue) {
    boolean value = client.isEnabled(flag, userId, defaultValue);
    counts.record(flag, value);
    return value;
  }

  @Override
  public FlagEvaluation evaluate(String flag, @Nullable String userId) {
    FlagEvaluation evaluation = client.evaluate(flag, userId);
    counts.record(flag, evaluation.value());
    return evaluation;
  }

  @Override
  public @Nullable Flag flag(String name) {
    return client.flag(name);
  }

  @Override
  public Collection<Flag> flags() {
    return client.flags();
  }

  @Override
  public Subscription onChange(Consumer<FlagChanged> listener) {
    return client.onChange(listener);
  }

  @Override
  public Subscription onStatus(Consumer<ClientStatus> listener) {
    return client.onStatus(listener);
  }

  @Override
  public ClientStatus status() {
    return client.status();
  }

  @Override
  public long revision() {
    return client.revision();
  }

  @Override
  public Duration dataAge() {
    return client.dataAge();
  }

  @Override
  public long skippedRecords() {
    return client.skippedRecords();
  }

  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return client.awaitReady(timeout);
  }

  @Override
  public boolean awaitRevision(String revisionTokens, Duration timeout)
      throws InterruptedException {
    return client.awaitRevision(revisionTokens, timeout);
  }

  @Override
  public void close() {
    client.close();
  }
}
