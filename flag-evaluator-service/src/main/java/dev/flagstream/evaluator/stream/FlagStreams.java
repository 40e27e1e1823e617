package dev.flagstream.evaluator.stream;

import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.access.Caller;
import dev.flagstream.evaluator.system.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The open streams, one per browser, each for one user: on connect the user's value of every flag,
 * then, whenever a flag changes, its new value for that user if it differs from what the stream was
 * last given. Only booleans travel, never definitions. Event ids are store revisions, so a
 * reconnect with {@code Last-Event-ID} gets only what it missed.
 *
 * <p>A change is fanned out under one lock, reading the store's current state rather than the
 * change's: whichever notification comes last puts the newest value in every outbox, so every
 * stream ends on the final value however changes race. Putting events in an outbox never waits;
 * each outbox is written in order by a writer of its own, so one slow browser delays no other.
 */
@Component
final class FlagStreams implements SmartLifecycle {
  private final FlagClient flags;
  private final StreamSettings settings;
  private final Clock clock;
  private final Object lock = new Object();
  private final Set<OpenStream> open = ConcurrentHashMap.newKeySet(); // changed under lock
  private final Map<String, Integer> openPerKey = new HashMap<>(); // guarded by lock
  private final FlagSlots slots = new FlagSlots(); // guarded by lock
  private final RecentChanges recent = new RecentChanges(1_000);
  private volatile ThreadPoolExecutor senders;
  private final Map<OpenStream.End, Counter> ended = new EnumMap<>(OpenStream.End.class);
  private volatile boolean running;

  FlagStreams(FlagClient flags, MeterRegistry meters, StreamSettings settings, Clock clock) {
    this.flags = flags;
    this.settings = settings;
    this.clock = clock;
    this.senders = newSenders(settings.maxOpen());
    Gauge.builder("flagstream.streams.open", open, Set::size)
        .description("Open SSE streams")
        .register(meters);
    for (OpenStream.End reason : OpenStream.End.values()) {
      ended.put(
          reason,
          Counter.builder("flagstream.streams.closed")
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .description("SSE streams ended, by why")
              .register(meters));
    }
    flags.onChange(this::changed);
    // What the store applied before this listened was never recorded: no reconnect can resume
    // from a revision before now (read after subscribing, so that nothing falls in between).
    recent.unknownUpTo(flags.revision());
  }

  /**
   * Opens a stream for {@code userId} writing to {@code sink}, and queues its first events: every
   * flag's value, or only the flags changed since {@code lastEventId} when this evaluator knows
   * every change since then and they fit in the stream's outbox (never when {@code revisionReached}
   * is given: that answer belongs to a snapshot).
   *
   * @throws ErrorResponseException 503 when the evaluator has as many streams as it allows, 429
   *     when the caller's key has; both with {@code Retry-After}
   */
  OpenStream open(
      Caller caller,
      @Nullable String userId,
      @Nullable Long lastEventId,
      @Nullable Boolean revisionReached,
      EventSink sink) {
    OpenStream stream;
    List<OpenStream> overflowing = new ArrayList<>();
    synchronized (lock) {
      if (open.size() >= settings.maxOpen()) {
        throw refusal(
            HttpStatus.SERVICE_UNAVAILABLE, "the evaluator has all the streams it allows");
      }
      if (openPerKey.getOrDefault(caller.keyName(), 0) >= settings.maxOpenPerKey()) {
        throw refusal(HttpStatus.TOO_MANY_REQUESTS, "this key has all the streams it may have");
      }
      stream =
          new OpenStream(
              userId,
              caller.keyName(),
              deadline(),
              settings.outboxCapacity(),
              sink,
              this::send,
              clock,
              this::ended);
      open.add(stream);
      openPerKey.merge(caller.keyName(), 1, Integer::sum);
      long revision = flags.revision();
      // More missed flags than the outbox holds would end the new stream as slow at once, and
      // the events it did get carry the current revision: reconnecting, it would lose the rest.
      Optional<Set<String>> missed =
          lastEventId == null || revisionReached != null
              ? Optional.empty()
              : recent
                  .since(lastEventId, revision)
                  .filter(flagsMissed -> flagsMissed.size() <= settings.outboxCapacity());
      if (missed.isPresent()) {
        missed.get().forEach(flag -> queueValue(stream, changeEvents(flag, revision), overflowing));
      } else {
        queueSnapshot(stream, revision, revisionReached, overflowing);
      }
    }
    endSlow(overflowing);
    return stream;
  }

  /**
   * A writer per stream that has something to write, reused while writes are quick: a browser that
   * stops reading blocks its own writer only, never another stream's. At most one writer per
   * stream, so the stream cap bounds them (twice over, for writers of ended streams still blocked
   * until the web server's write timeout frees them).
   */
  private static ThreadPoolExecutor newSenders(int maxOpen) {
    AtomicInteger threads = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        2 * maxOpen,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "flagstream-sse-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private void send(Runnable writer) {
    senders.execute(writer);
  }

  /** A lifetime a little under the maximum, at random, so that reconnects spread out. */
  private Instant deadline() {
    long max = settings.maxLifetime().toMillis();
    long lifetime = max - ThreadLocalRandom.current().nextLong(max / 10 + 1);
    return clock.instant().plusMillis(lifetime);
  }

  private void queueSnapshot(
      OpenStream stream, long revision, @Nullable Boolean reached, List<OpenStream> overflowing) {
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (Flag flag : flags.flags()) {
      boolean value = flags.isEnabled(flag.name(), stream.userId());
      values.put(flag.name(), value);
      stream.queued().put(slots.slotOf(flag.name()), value);
    }
    offer(stream, StreamEvent.snapshot(revision, values, reached), overflowing);
  }

  private static void offer(OpenStream stream, StreamEvent event, List<OpenStream> overflowing) {
    if (!stream.offer(event)) {
      overflowing.add(stream);
    }
  }

  private static void endSlow(List<OpenStream> overflowing) {
    overflowing.forEach(stream -> stream.end(OpenStream.End.SLOW));
  }

  /**
   * A change's events, made once each and shared by every stream that gets the same one: a change
   * reaches every stream, and most of them get one of two events.
   */
  private static final class ChangeEvents {
    private final String flag;
    private final long revision;
    // Whether the flag exists, read once for every stream: its slot is taken back after a
    // deletion only if every stream heard of it.
    private final boolean exists;
    // The flag's slot; null when it is gone and no stream was ever given a value of it.
    private final @Nullable Integer slot;
    private @Nullable StreamEvent on;
    private @Nullable StreamEvent off;
    private @Nullable StreamEvent gone;

    ChangeEvents(String flag, long revision, boolean exists, @Nullable Integer slot) {
      this.flag = flag;
      this.revision = revision;
      this.exists = exists;
      this.slot = slot;
    }

    StreamEvent value(boolean value) {
      if (value) {
        return on != null ? on : (on = StreamEvent.flag(flag, true, true, revision));
      }
      return off != null ? off : (off = StreamEvent.flag(flag, false, true, revision));
    }

    StreamEvent gone() {
      return gone != null ? gone : (gone = StreamEvent.flag(flag, false, false, revision));
    }
  }

  /** A change of {@code flag} as the store holds it now; to be called under the lock. */
  private ChangeEvents changeEvents(String flag, long revision) {
    boolean exists = flags.flag(flag) != null;
    // Boxed on purpose: a gone flag no stream ever heard of has no slot, and must not get one.
    @Nullable Integer slot = exists ? Integer.valueOf(slots.slotOf(flag)) : slots.existing(flag);
    return new ChangeEvents(flag, revision, exists, slot);
  }

  /** Queues the flag's current value when it differs from what the stream was last given. */
  private void queueValue(OpenStream stream, ChangeEvents change, List<OpenStream> overflowing) {
    Integer slot = change.slot;
    if (slot == null) {
      return; // gone, and no stream ever heard of it
    }
    Boolean queued = stream.queued().get(slot);
    if (!change.exists) {
      if (queued != null) {
        stream.queued().remove(slot);
        offer(stream, change.gone(), overflowing);
      }
      return;
    }
    boolean value = flags.isEnabled(change.flag, stream.userId());
    if (queued == null || queued != value) {
      stream.queued().put(slot, value);
      offer(stream, change.value(value), overflowing);
    }
  }

  private void changed(FlagChanged change) {
    List<OpenStream> overflowing = new ArrayList<>();
    synchronized (lock) {
      long revision = flags.revision();
      if (change.committedAt() == null) {
        // A snapshot refresh found it: the revision held says nothing of when it was made.
        recent.addUnplaced(change.name(), revision);
      } else {
        recent.add(revision, change.name());
      }
      ChangeEvents events = changeEvents(change.name(), revision);
      for (OpenStream stream : open) {
        queueValue(stream, events, overflowing);
      }
      if (!events.exists) {
        slots.release(change.name()); // every open stream has it removed now
      }
    }
    endSlow(overflowing); // outside the lock: ending closes connections
  }

  private void ended(OpenStream stream, OpenStream.End reason) {
    synchronized (lock) {
      if (open.remove(stream)) {
        openPerKey.computeIfPresent(
            stream.keyName(), (key, count) -> count == 1 ? null : count - 1);
        Objects.requireNonNull(ended.get(reason)).increment(); // one counter per reason
      }
    }
  }

  /** A comment on every stream, so browsers and proxies can tell a quiet stream from a dead one. */
  @Scheduled(fixedDelayString = "${flags.stream.heartbeat-interval:15s}")
  void heartbeat() {
    for (OpenStream stream : open) {
      if (!stream.offer(StreamEvent.heartbeat())) {
        stream.end(OpenStream.End.SLOW);
      }
    }
  }

  /** Ends the streams past their lifetime, and those stuck in a write. */
  @Scheduled(fixedDelay = 1_000)
  void sweep() {
    Instant now = clock.instant();
    // The set's own iterator: it takes ending streams (which leave the set) in its stride, where a
    // copy of every stream each second would cost more than the checks.
    for (OpenStream stream : open) {
      OpenStream.End overdue = stream.overdue(now, settings.sendTimeout());
      if (overdue != null) {
        stream.end(overdue);
      }
    }
  }

  int openStreams() {
    return open.size();
  }

  private ErrorResponseException refusal(HttpStatus status, String detail) {
    ErrorResponseException refusal = Problems.of(status, detail + "; retry later");
    refusal
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
    return refusal;
  }

  @Override
  public void start() {
    if (senders.isShutdown()) {
      senders = newSenders(settings.maxOpen()); // started again after a stop
    }
    running = true;
  }

  /**
   * Ends every stream first thing on shutdown: an open stream is a request that never finishes, and
   * the web server's graceful shutdown would wait for it. Browsers reconnect elsewhere.
   */
  @Override
  public void stop() {
    running = false;
    new ArrayList<>(open).forEach(stream -> stream.end(OpenStream.End.SHUTDOWN));
    senders.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
