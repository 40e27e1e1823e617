package dev.flagstream.evaluator.stream;

import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams, one per browser, each for one user: on connect the user's value of every flag,
 * then, whenever a flag changes, its new value for that user if it differs from what the stream
 * last sent. Only booleans travel: never definitions or allowlists. Event ids are store revisions,
 * so a reconnect with {@code Last-Event-ID} gets only what it missed.
 */
@Component
final class FlagStreams implements SmartLifecycle {
  private final FlagClient flags;
  private volatile boolean running;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private final RecentChanges recent = new RecentChanges(1_000);
  // Changes arrive on the client's update thread; slow browsers must not hold it up.
  private final ExecutorService fanOut =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "flagstream-sse");
            thread.setDaemon(true);
            return thread;
          });

  private record Stream(SseEmitter emitter, @Nullable String userId, Map<String, Boolean> sent) {}

  FlagStreams(FlagClient flags, MeterRegistry meters) {
    this.flags = flags;
    flags.onChange(change -> fanOut.execute(() -> changed(change)));
    Gauge.builder("flagstream.streams.open", open, Set::size)
        .description("Open SSE streams")
        .register(meters);
  }

  SseEmitter open(@Nullable String userId, @Nullable Long lastEventId) {
    SseEmitter emitter = new SseEmitter(0L);
    Stream stream = new Stream(emitter, userId, new ConcurrentHashMap<>());
    emitter.onCompletion(() -> open.remove(stream));
    emitter.onTimeout(() -> open.remove(stream));
    emitter.onError(error -> open.remove(stream));
    long revision = flags.revision();
    Optional<Set<String>> missed =
        lastEventId == null ? Optional.empty() : recent.since(lastEventId, revision);
    open.add(stream);
    if (missed.isPresent()) {
      for (String flag : missed.get()) {
        sendValue(stream, flag, revision);
      }
    } else {
      sendAll(stream, revision);
    }
    return emitter;
  }

  private void sendAll(Stream stream, long revision) {
    Map<String, Boolean> values = new LinkedHashMap<>();
    for (Flag flag : flags.flags()) {
      values.put(flag.name(), flags.isEnabled(flag.name(), stream.userId()));
    }
    stream.sent().putAll(values);
    send(
        stream,
        SseEmitter.event()
            .name("snapshot")
            .id(Long.toString(revision))
            .data(Map.of("revision", revision, "values", values)));
  }

  private void changed(FlagChanged change) {
    long revision = flags.revision();
    recent.add(revision, change.name());
    boolean exists = change.current() != null;
    for (Stream stream : open) {
      boolean value = flags.isEnabled(change.name(), stream.userId());
      Boolean sent = stream.sent().get(change.name());
      if (sent == null || sent != value || !exists) {
        sendValue(stream, change.name(), exists, value, revision);
      }
    }
  }

  private void sendValue(Stream stream, String flag, long revision) {
    sendValue(
        stream, flag, flags.flag(flag) != null, flags.isEnabled(flag, stream.userId()), revision);
  }

  private void sendValue(Stream stream, String flag, boolean exists, boolean value, long revision) {
    if (exists) {
      stream.sent().put(flag, value);
    } else {
      stream.sent().remove(flag);
    }
    send(
        stream,
        SseEmitter.event()
            .name("flag")
            .id(Long.toString(revision))
            .data(Map.of("flag", flag, "value", value, "exists", exists, "revision", revision)));
  }

  /** A comment every 15 s, so browsers and proxies can tell a quiet stream from a dead one. */
  @Scheduled(fixedDelayString = "${flags.stream.heartbeat-interval:15s}")
  void heartbeat() {
    for (Stream stream : open) {
      send(stream, SseEmitter.event().comment("heartbeat"));
    }
  }

  private void send(Stream stream, SseEmitter.SseEventBuilder event) {
    try {
      stream.emitter().send(event);
    } catch (IOException | IllegalStateException e) {
      open.remove(stream);
      stream.emitter().completeWithError(e);
    }
  }

  int openStreams() {
    return open.size();
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends every stream first thing on shutdown: an open stream is a request that never finishes, and
   * the web server's graceful shutdown would wait for it. Browsers reconnect elsewhere.
   */
  @Override
  public void stop() {
    running = false;
    open.forEach(stream -> stream.emitter().complete());
    open.clear();
    fanOut.shutdownNow();
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
