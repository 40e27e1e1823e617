package dev.flagstream.client.internal;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.client.Subscription;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: a {@link FlagStore} fed by the flag topic, refreshed from a snapshot every refresh
 * interval, evaluated in memory.
 */
public final class StreamingFlagClient implements FlagClient {
  private static final Logger log = LoggerFactory.getLogger(StreamingFlagClient.class);

  private final LongSupplier nanoTime = System::nanoTime;
  private final FlagStore store = new FlagStore(nanoTime);
  private final StatusTracker status;
  private final CopyOnWriteArrayList<Consumer<FlagChanged>> changeListeners =
      new CopyOnWriteArrayList<>();
  private final @Nullable KafkaFlagSource kafka;
  private final @Nullable SnapshotSource snapshots;
  private final ScheduledExecutorService scheduler;

  public StreamingFlagClient(ClientSettings settings) {
    this.status = new StatusTracker(nanoTime, settings.startupTimeout());
    this.snapshots =
        settings.snapshotEndpoint() == null
            ? null
            : new SnapshotSource(settings.snapshotEndpoint(), settings.snapshotKey());
    this.kafka =
        settings.bootstrapServers() == null
            ? null
            : new KafkaFlagSource(settings, store, status, this::changed, nanoTime);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "flagstream-client-refresh");
              thread.setDaemon(true);
              return thread;
            });
    if (kafka != null) {
      kafka.start();
    }
    if (snapshots != null) {
      // Without Kafka the snapshot is the only source, so the first one is fetched at once.
      long first = kafka == null ? 0 : settings.refreshInterval().toMillis();
      scheduler.scheduleWithFixedDelay(
          this::refresh, first, settings.refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
    scheduler.scheduleWithFixedDelay(status::update, 1, 1, TimeUnit.SECONDS);
  }

  /** Refreshes every flag from the snapshot; a failure keeps what is held. */
  void refresh() {
    long requestedAt = nanoTime.getAsLong();
    try {
      FlagSnapshot snapshot = snapshots.fetch();
      store.reconcile(snapshot, requestedAt).forEach(this::changed);
      if (kafka == null) {
        status.upToDate();
      }
    } catch (Exception e) {
      log.atWarn()
          .setMessage("Snapshot refresh failed; keeping the flags held")
          .addKeyValue("endpoint", snapshots.endpoint())
          .addKeyValue("error", e.toString())
          .log();
      if (kafka == null) {
        status.unreachable();
      }
    }
  }

  private void changed(FlagChanged change) {
    for (Consumer<FlagChanged> listener : changeListeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        log.warn("A flag change listener failed", e);
      }
    }
  }

  @Override
  public boolean isEnabled(String flag, @Nullable String userId, boolean defaultValue) {
    CompiledFlag compiled = store.get(flag);
    return compiled == null ? defaultValue : compiled.evaluate(userId).value();
  }

  @Override
  public FlagEvaluation evaluate(String flag, @Nullable String userId) {
    CompiledFlag compiled = store.get(flag);
    if (compiled == null) {
      return new FlagEvaluation(flag, false, Reason.FLAG_NOT_FOUND, Evaluation.NO_BUCKET, 0, true);
    }
    Evaluation evaluation = compiled.evaluate(userId);
    return new FlagEvaluation(
        flag,
        evaluation.value(),
        evaluation.reason(),
        evaluation.bucket(),
        compiled.flag().version(),
        false);
  }

  @Override
  public @Nullable Flag flag(String name) {
    CompiledFlag compiled = store.get(name);
    return compiled == null ? null : compiled.flag();
  }

  @Override
  public Collection<Flag> flags() {
    return store.flags();
  }

  @Override
  public Subscription onChange(Consumer<FlagChanged> listener) {
    changeListeners.add(listener);
    return () -> changeListeners.remove(listener);
  }

  @Override
  public Subscription onStatus(Consumer<ClientStatus> listener) {
    Runnable cancel = status.listen(listener);
    return cancel::run;
  }

  @Override
  public ClientStatus status() {
    return status.status();
  }

  @Override
  public long revision() {
    return store.revision();
  }

  @Override
  public Duration dataAge() {
    return status.dataAge();
  }

  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return status.awaitReady(timeout);
  }

  @Override
  public boolean awaitRevision(String revisionTokens, Duration timeout)
      throws InterruptedException {
    return store.awaitApplied(RevisionToken.parseAll(revisionTokens), timeout.toNanos());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    if (kafka != null) {
      kafka.close();
    }
  }
}
