package dev.flagstream.client;

import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: a {@link FlagStore} fed by the flag topic, refreshed from a snapshot every refresh
 * interval (sooner while it is not {@code READY}), evaluated in memory. Two daemon threads besides
 * the topic reader: one re-derives the status as time passes, the other refreshes, so that a slow
 * snapshot endpoint never delays the status.
 */
final class StreamingFlagClient implements FlagClient {
  private static final Logger log = LoggerFactory.getLogger(StreamingFlagClient.class);
  private static final long TICK_MILLIS = 100;

  private final FlagStore store;
  private final StatusTracker status;
  private final RecordDispatch dispatch;
  private final CopyOnWriteArrayList<Consumer<FlagChanged>> changeListeners =
      new CopyOnWriteArrayList<>();
  private final @Nullable KafkaFlagSource kafka;
  private final ScheduledExecutorService scheduler;

  StreamingFlagClient(ClientSettings settings) {
    LongSupplier ticker = settings.ticker();
    boolean streamed = settings.bootstrapServers() != null;
    this.store = new FlagStore(ticker);
    this.status = new StatusTracker(ticker, settings.startupTimeout(), streamed);
    this.dispatch = new RecordDispatch(store, this::changed, status::heartbeatSeen);
    this.kafka =
        streamed
            ? new KafkaFlagSource(
                settings.topic(),
                KafkaFlagSource.consumers(settings),
                dispatch,
                status,
                ticker,
                new Backoff(
                    Duration.ofMillis(200),
                    Duration.ofSeconds(30),
                    () -> ThreadLocalRandom.current().nextDouble()))
            : null;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "flagstream-client-timer");
              thread.setDaemon(true);
              return thread;
            });
    if (kafka != null) {
      kafka.start();
    }
    URI snapshotEndpoint = settings.snapshotEndpoint();
    String snapshotKey = settings.snapshotKey();
    if (snapshotEndpoint != null && snapshotKey != null) { // the builder sets both or neither
      SnapshotSource source = new SnapshotSource(snapshotEndpoint, snapshotKey);
      SnapshotRefresher refresher =
          new SnapshotRefresher(
              source::fetch,
              source.endpoint(),
              this::reconcile,
              status,
              // Without Kafka the snapshot is the only source, so the first one is due at once.
              new RefreshSchedule(
                  settings.refreshInterval(),
                  settings.staleRefreshInterval(),
                  ticker,
                  () -> ThreadLocalRandom.current().nextDouble(),
                  !streamed),
              settings.clock(),
              ticker);
      every(refresher::refreshIfDue);
    }
    every(status::update);
  }

  /** Runs {@code task} every tick; a failure is logged and the task runs again at the next. */
  private void every(Runnable task) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("A flag client timer task failed", e);
          }
        },
        0,
        TICK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /**
   * The handling of one topic record: what the topic reader calls for every record it reads. The
   * conformance suite feeds its records through it.
   */
  RecordDispatch records() {
    return dispatch;
  }

  /**
   * Makes the flags agree with a snapshot requested at {@code requestedAtNanos} on the client's
   * ticker, and tells the listeners what changed: what every snapshot refresh does once its
   * snapshot came back.
   */
  void reconcile(FlagSnapshot snapshot, long requestedAtNanos) {
    store.reconcile(snapshot, requestedAtNanos).forEach(this::changed);
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
    return compiled == null ? defaultValue : compiled.isEnabled(userId);
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
  public long skippedRecords() {
    return dispatch.skipped();
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
