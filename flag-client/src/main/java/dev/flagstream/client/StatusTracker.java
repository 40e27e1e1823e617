package dev.flagstream.client;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the client's status and data age from what its sources report, on the client's ticker.
 *
 * <p>With a stream (Kafka), the client is {@code READY} while the stream is current: the reader has
 * caught up with the topic, the brokers answer, and, once the topic has shown a capture heartbeat,
 * a heartbeat or change arrived within the heartbeat's silence limit (so a stalled capture shows as
 * {@code STALE} even while the brokers answer). The data is then as fresh as the last arrival, or,
 * before any heartbeat was seen, as the last answer of the brokers. Without a stream, the snapshot
 * is the source: {@code READY} while the last refresh succeeded. A snapshot refresh also makes the
 * data as fresh as the snapshot says it is.
 *
 * <p>Thread-safe. Listeners are called in order, on the thread that caused the change, and {@link
 * #awaitReady} returns true only once the status {@code READY} is visible to every thread.
 */
final class StatusTracker {
  private static final Logger log = LoggerFactory.getLogger(StatusTracker.class);
  // A reader that read a record within this long, while not caught up, is still catching up.
  private static final long CATCHING_UP_SILENCE_NANOS = Duration.ofSeconds(2).toNanos();

  private final LongSupplier nanoTime;
  private final long startedAt;
  private final long startupTimeoutNanos;
  private final boolean streamed;
  private final CopyOnWriteArrayList<Consumer<ClientStatus>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile ClientStatus status = ClientStatus.STARTING;
  // When the data was last known current; until the first data, the start, so the age is the wait.
  private volatile long freshAt;
  // The rest is guarded by this.
  private boolean freshKnown;
  private boolean readerStopped;
  private boolean caughtUp;
  private boolean everCaughtUp;
  private boolean brokersAnswer = true;
  private long silenceLimitNanos; // 0 until the topic shows a heartbeat
  private long lastArrivalAt;
  private boolean everRead;
  private long lastReadAt;
  private boolean snapshotApplied;
  private boolean snapshotSucceeds;

  /**
   * @param streamed whether a stream (Kafka) is the source of changes; otherwise snapshots are
   */
  StatusTracker(LongSupplier nanoTime, Duration startupTimeout, boolean streamed) {
    this.nanoTime = nanoTime;
    this.startedAt = nanoTime.getAsLong();
    this.startupTimeoutNanos = startupTimeout.toNanos();
    this.streamed = streamed;
    this.freshAt = startedAt;
  }

  /** The reader has read the topic up to its end offsets: every flag committed is held. */
  synchronized void streamCaughtUp() {
    long now = nanoTime.getAsLong();
    caughtUp = true;
    everCaughtUp = true;
    brokersAnswer = true;
    lastArrivalAt = now;
    fresh(now);
    update();
  }

  /** The reader lost its place and reads again; it is behind until it has caught up once more. */
  synchronized void streamInterrupted() {
    caughtUp = false;
    update();
  }

  /** A change or heartbeat arrived; once caught up, the data is current as of now. */
  synchronized void streamDelivered() {
    long now = nanoTime.getAsLong();
    everRead = true;
    lastReadAt = now;
    if (caughtUp) {
      lastArrivalAt = now;
      fresh(now);
    }
    update();
  }

  /**
   * A heartbeat was read: from now on, silence longer than its limit means the capture stalled.
   * Only the time it arrives counts ({@link #streamDelivered}), never when it was written: read
   * during catch-up, it may be old.
   */
  synchronized void heartbeatSeen(CaptureHeartbeat heartbeat) {
    silenceLimitNanos = heartbeat.silenceLimit().toNanos();
  }

  /** The brokers answered; before any heartbeat was seen, that is what shows the data current. */
  synchronized void brokersAnswered() {
    brokersAnswer = true;
    if (caughtUp && silenceLimitNanos == 0) {
      fresh(nanoTime.getAsLong());
    }
    update();
  }

  synchronized void brokersUnreachable() {
    brokersAnswer = false;
    update();
  }

  /** The reader ended for good: no change will arrive any more. */
  synchronized void readerStopped() {
    readerStopped = true;
    update();
  }

  /** A snapshot was applied whose holder knew its flags current at {@code freshAtNanos}. */
  synchronized void snapshotApplied(long freshAtNanos) {
    snapshotApplied = true;
    snapshotSucceeds = true;
    fresh(freshAtNanos);
    update();
  }

  synchronized void snapshotFailed() {
    snapshotSucceeds = false;
    update();
  }

  /** Re-derives the status, also to notice time passing: the start-up wait, a silence. */
  synchronized void update() {
    ClientStatus next = derive(nanoTime.getAsLong());
    if (next == status) {
      return;
    }
    ClientStatus previous = status;
    status = next;
    notifyAll();
    log.atInfo()
        .setMessage("Flag client status changed")
        .addKeyValue("from", previous)
        .addKeyValue("to", next)
        .log();
    for (Consumer<ClientStatus> listener : listeners) {
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        log.warn("A status listener failed", e);
      }
    }
  }

  private ClientStatus derive(long now) {
    if (readerStopped) {
      return ClientStatus.ERROR;
    }
    boolean startupOver = now - startedAt > startupTimeoutNanos;
    if (!everCaughtUp && !snapshotApplied) {
      return startupOver ? ClientStatus.ERROR : ClientStatus.STARTING;
    }
    if (!streamed) {
      return snapshotSucceeds ? ClientStatus.READY : ClientStatus.STALE;
    }
    if (streamCurrent(now)) {
      return ClientStatus.READY;
    }
    return everCaughtUp || startupOver ? ClientStatus.STALE : ClientStatus.STARTING;
  }

  private boolean streamCurrent(long now) {
    return caughtUp
        && brokersAnswer
        && (silenceLimitNanos == 0 || now - lastArrivalAt <= silenceLimitNanos);
  }

  private void fresh(long at) {
    if (!freshKnown || at - freshAt > 0) {
      freshAt = at;
      freshKnown = true;
    }
  }

  ClientStatus status() {
    return status;
  }

  /**
   * Whether the reader is making its way to the topic's end: not caught up, but records keep
   * arriving. A snapshot fetched now would be outdated by the records still to be read, and would
   * compete with them for the network, the cores and the flags' lock: with 100,000 flags, fetching
   * the snapshot at the stale interval while reading slowed the read several times over.
   */
  synchronized boolean catchingUp() {
    return streamed
        && !caughtUp
        && !readerStopped
        && everRead
        && nanoTime.getAsLong() - lastReadAt <= CATCHING_UP_SILENCE_NANOS;
  }

  Duration dataAge() {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - freshAt));
  }

  /**
   * Waits, on real time, until the status is {@code READY}.
   *
   * @return whether it was within {@code timeout}
   */
  synchronized boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (status != ClientStatus.READY) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return true;
  }

  Runnable listen(Consumer<ClientStatus> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
