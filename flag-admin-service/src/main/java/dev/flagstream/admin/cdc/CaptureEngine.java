package dev.flagstream.admin.cdc;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * One run of the Debezium engine over the flag table: started by the constructor on a thread of its
 * own, ended by {@link #close()} or by a failure, after which it cannot be restarted; the
 * supervisor makes a new one.
 */
final class CaptureEngine implements AutoCloseable {
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  /** Takes the engine's batches, one at a time, in the order of the log. */
  interface BatchHandler {
    /**
     * Takes one batch.
     *
     * @return how many of the records handed over so far, oldest first and not yet counted, may now
     *     count as processed: their position may be stored, and the log before it released
     */
    int handle(List<SourceRecord> records);
  }

  private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final Thread runner;
  // Handed over and not yet counted as processed, oldest first; touched by Debezium's polling
  // thread only.
  private final ArrayDeque<RecordChangeEvent<SourceRecord>> handedOver = new ArrayDeque<>();

  CaptureEngine(Properties config, BatchHandler handler) {
    this.engine =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(config) // before notifying(): the engine reads it there
            .using(
                (boolean success, String message, @Nullable Throwable error) -> {
                  if (!success) {
                    failure.set(error != null ? error : new IllegalStateException(message));
                  }
                  stopped.countDown();
                })
            .notifying(
                (records, committer) -> {
                  handedOver.addAll(records);
                  int processed =
                      handler.handle(records.stream().map(RecordChangeEvent::record).toList());
                  for (int i = 0; i < processed; i++) {
                    committer.markProcessed(handedOver.remove());
                  }
                  committer.markBatchFinished();
                })
            .build();
    this.runner = new Thread(engine, "flagstream-cdc-engine");
    runner.setDaemon(true);
    runner.start();
  }

  /**
   * Debezium settings for capturing {@code feature_flags} and the heartbeat of {@code database}.
   */
  static Properties config(CdcProperties cdc, CaptureDatabase database) {
    Properties config = database.engineSettings();
    // The engine's name keys its stored offsets: one set of offsets per slot.
    config.setProperty("name", "flagstream-cdc-" + cdc.slotName());
    config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    // Only records Kafka acknowledged are marked processed, so whatever is flushed is safe; the
    // interval only bounds how much is published again after a crash.
    config.setProperty(
        "offset.flush.interval.ms", Long.toString(cdc.offsetFlushInterval().toMillis()));
    config.setProperty("offset.flush.timeout.ms", "5000");
    config.setProperty("topic.prefix", "flagstream");
    // The engine's JMX names hold the topic prefix; the slot keeps them apart from those of an
    // engine still closing, or of another service's engine, in the same JVM.
    config.setProperty("custom.metric.tags", "slot=" + cdc.slotName());
    config.setProperty("plugin.name", "pgoutput");
    config.setProperty("slot.name", cdc.slotName());
    config.setProperty("publication.name", cdc.publicationName());
    config.setProperty("publication.autocreate.mode", "disabled");
    // The heartbeat table too: its writes reach the topic as signs of life.
    config.setProperty(
        "table.include.list",
        "public." + ChangeRecords.FLAG_TABLE + ",public." + ChangeRecords.HEARTBEAT_TABLE);
    // A snapshot on first start, and again should the slot have lost the stored position (say, an
    // operator dropped it): consumers then receive the whole current state once more.
    config.setProperty("snapshot.mode", "when_needed");
    config.setProperty("poll.interval.ms", Long.toString(cdc.pollInterval().toMillis()));
    config.setProperty("max.batch.size", Integer.toString(cdc.maxBatchSize()));
    // Debezium's queue must hold more than a batch.
    config.setProperty("max.queue.size", Integer.toString(Math.max(8192, cdc.maxBatchSize() * 4)));
    config.setProperty("heartbeat.interval.ms", Long.toString(cdc.heartbeatInterval().toMillis()));
    config.setProperty("heartbeat.action.query", CaptureDatabase.HEARTBEAT);
    config.setProperty("tombstones.on.delete", "false"); // we write our own, with the version
    return config;
  }

  boolean isRunning() {
    return stopped.getCount() > 0;
  }

  /** Waits up to {@code millis} for the engine to stop; true if it has. */
  boolean awaitStop(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Why the engine stopped on its own, if it failed. */
  @Nullable Throwable failure() {
    return failure.get();
  }

  /**
   * Stops the engine and waits for it, at most {@link #CLOSE_TIMEOUT} in all, so that a service
   * stops within the usual 30 s grace period; a run cut short there only replays, later.
   */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      // Asked to stop faster: the engine thread is a daemon and ends with the process.
      Thread.currentThread().interrupt();
    }
  }

  private void stop() throws InterruptedException {
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    while (isRunning() && System.nanoTime() < deadline) {
      try {
        engine.close();
        break;
      } catch (Exception e) {
        // Refused while the task is still starting; ask again shortly.
        stopped.await(100, TimeUnit.MILLISECONDS);
      }
    }
    stopped.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    runner.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
  }
}
