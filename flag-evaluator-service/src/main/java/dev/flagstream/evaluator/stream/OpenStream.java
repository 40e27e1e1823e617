package dev.flagstream.evaluator.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One browser's stream: a small outbox of events, written in order by one sender at a time, so that
 * whoever puts events in never waits for the browser. Thread-safe.
 */
final class OpenStream {
  /** Why a stream ended, as counted in {@code flagstream.streams.closed}. */
  enum End {
    /** The browser went away, or a write failed. */
    GONE,
    /** It reached its maximum lifetime. */
    LIFETIME,
    /** Its outbox filled up: the browser reads too slowly. */
    SLOW,
    /** A write took longer than the send timeout. */
    STUCK,
    /** The evaluator is shutting down. */
    SHUTDOWN
  }

  private final @Nullable String userId;
  private final String keyName;
  private final Instant deadline;
  private final EventSink sink;
  private final Executor senders;
  private final Clock clock;
  private final BiConsumer<OpenStream, End> onEnd;
  private final BlockingQueue<StreamEvent> outbox;
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean ended; // written under this
  private boolean sending; // guarded by this
  private volatile @Nullable Instant sendingSince;
  // The value last put in the outbox per flag; guarded by the streams' lock.
  private final QueuedValues queued = new QueuedValues();
  // The revision last written per flag; touched by the one sender at a time only.
  private final Map<String, Long> written = new HashMap<>();

  OpenStream(
      @Nullable String userId,
      String keyName,
      Instant deadline,
      int outboxCapacity,
      EventSink sink,
      Executor senders,
      Clock clock,
      BiConsumer<OpenStream, End> onEnd) {
    this.userId = userId;
    this.keyName = keyName;
    this.deadline = deadline;
    this.outbox = new ArrayBlockingQueue<>(outboxCapacity);
    this.sink = sink;
    this.senders = senders;
    this.clock = clock;
    this.onEnd = onEnd;
  }

  @Nullable String userId() {
    return userId;
  }

  String keyName() {
    return keyName;
  }

  /** The values last queued, by flag slot; to be used under the streams' lock only. */
  QueuedValues queued() {
    return queued;
  }

  /**
   * Puts {@code event} in the outbox without waiting.
   *
   * @return false when the outbox is full: the browser cannot keep up, and the caller should end
   *     the stream (not while holding a lock: ending closes the connection)
   */
  boolean offer(StreamEvent event) {
    if (ended) {
      return true; // nothing more to do for it
    }
    if (!outbox.offer(event)) {
      return false;
    }
    drainSoon();
    return true;
  }

  private void drainSoon() {
    if (draining.compareAndSet(false, true)) {
      try {
        senders.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false);
        end(End.SHUTDOWN);
      }
    }
  }

  private void drain() {
    try {
      for (StreamEvent event = outbox.poll(); event != null && !ended; event = outbox.poll()) {
        write(event);
      }
    } finally {
      draining.set(false);
    }
    if (!outbox.isEmpty() && !ended) {
      drainSoon(); // an event arrived after the last poll, before draining was cleared
    }
  }

  private void write(StreamEvent event) {
    String flag = event.flag();
    Long revision = event.revision();
    if (flag != null && revision != null) {
      Long last = written.get(flag);
      if (last != null && revision < last) {
        return; // never take a flag back to an older revision than the browser already has
      }
      written.put(flag, revision);
    }
    synchronized (this) {
      if (ended) {
        return;
      }
      sending = true;
    }
    sendingSince = clock.instant();
    boolean failed = false;
    try {
      sink.send(event);
    } catch (IOException | RuntimeException e) {
      failed = true;
    } finally {
      sendingSince = null;
    }
    boolean completeNow;
    synchronized (this) {
      sending = false;
      completeNow = ended; // ended while this write was blocked: closing was left to this thread
    }
    if (completeNow) {
      sink.complete();
    } else if (failed) {
      end(End.GONE);
    }
  }

  /** Whether it is past its lifetime, or a write has taken longer than {@code sendTimeout}. */
  @Nullable End overdue(Instant now, Duration sendTimeout) {
    if (!now.isBefore(deadline)) {
      return End.LIFETIME;
    }
    Instant since = sendingSince;
    return since != null && Duration.between(since, now).compareTo(sendTimeout) > 0
        ? End.STUCK
        : null;
  }

  /**
   * Ends the stream, once: drops what is waiting, closes the connection, tells the owner. Never
   * waits for a write in progress (closing the connection would): the writing thread closes it when
   * its write returns.
   */
  void end(End reason) {
    boolean completeNow;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      completeNow = !sending;
    }
    outbox.clear();
    if (completeNow) {
      sink.complete();
    }
    onEnd.accept(this, reason);
  }
}
