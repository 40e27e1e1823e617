package dev.flagstream.client.internal;

import dev.flagstream.client.ClientStatus;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives the client's status from what its sources report: whether the first full read is done,
 * and whether the source of changes is reachable. Thread-safe; listeners are called on the thread
 * that caused the change.
 */
final class StatusTracker {
  private static final Logger log = LoggerFactory.getLogger(StatusTracker.class);

  private final LongSupplier nanoTime;
  private final long startedAt;
  private final long startupTimeoutNanos;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final CopyOnWriteArrayList<Consumer<ClientStatus>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile ClientStatus status = ClientStatus.STARTING;
  private volatile boolean synced;
  private volatile boolean reachable = true;
  private volatile long freshAt;

  StatusTracker(LongSupplier nanoTime, Duration startupTimeout) {
    this.nanoTime = nanoTime;
    this.startedAt = nanoTime.getAsLong();
    this.startupTimeoutNanos = startupTimeout.toNanos();
    this.freshAt = startedAt;
  }

  /** The first full read is done, or the source confirmed the data is current again. */
  void upToDate() {
    synced = true;
    reachable = true;
    freshAt = nanoTime.getAsLong();
    ready.countDown();
    update();
  }

  /** The source of changes answered; with a full read done, the data is current. */
  void reachable() {
    reachable = true;
    if (synced) {
      freshAt = nanoTime.getAsLong();
    }
    update();
  }

  /** The source of changes cannot be reached. */
  void unreachable() {
    reachable = false;
    update();
  }

  /** Re-derives the status, also to notice the start-up wait running out. */
  synchronized void update() {
    ClientStatus next;
    if (!synced) {
      next =
          nanoTime.getAsLong() - startedAt > startupTimeoutNanos
              ? ClientStatus.ERROR
              : ClientStatus.STARTING;
    } else {
      next = reachable ? ClientStatus.READY : ClientStatus.STALE;
    }
    if (next != status) {
      ClientStatus previous = status;
      status = next;
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
  }

  ClientStatus status() {
    return status;
  }

  Duration dataAge() {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - freshAt));
  }

  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  Runnable listen(Consumer<ClientStatus> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
