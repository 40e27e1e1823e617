package dev.flagstream.benchmarks.propagation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's view: one Server-Sent Events stream of the evaluator, read as {@code EventSource}
 * reads it, on a thread of its own. Its events name a flag and its value for the user, not the
 * flag's version: the harness makes every change flip the value, so the n-th event of a flag after
 * the stream opened is its n-th change ({@link Change#ordinal()}).
 */
final class StreamWatch implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Arrivals arrivals = new Arrivals("browser stream (SSE)", true);
  private final Map<String, Long> counted = new ConcurrentHashMap<>();
  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile int status;
  private volatile boolean snapshotSeen;
  private volatile Flow.Subscription subscription;
  private final List<String> received = new CopyOnWriteArrayList<>();

  /**
   * Opens the stream for {@code userId}.
   *
   * @param flags the flags watched, none changed by the harness yet
   */
  StreamWatch(
      HttpClient http,
      String evaluatorUrl,
      String clientKey,
      String userId,
      Iterable<String> flags) {
    flags.forEach(flag -> counted.put(flag, 0L));
    URI uri =
        URI.create(
            evaluatorUrl
                + "/api/flags/stream?userId="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                + "&key="
                + URLEncoder.encode(clientKey, StandardCharsets.UTF_8));
    // Lines pushed as their bytes arrive. A reader over the body's InputStream (and ofLines(),
    // which is one) held events back until more bytes came: 30 s late with 15 s heartbeats.
    response =
        http.sendAsync(
            HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
            info -> {
              status = info.statusCode();
              return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
            });
  }

  /** Every event received, as a line: its arrival (nanoTime), name and data. */
  List<String> received() {
    return List.copyOf(received);
  }

  Arrivals arrivals() {
    return arrivals;
  }

  /** Whether the stream's first event, every value at once, has arrived. */
  boolean ready() {
    if (status != 0 && status != 200) {
      throw new IllegalStateException("The stream answered " + status);
    }
    return snapshotSeen;
  }

  /** The stream's lines, one at a time, on the HTTP client's thread. */
  private final class Lines implements Flow.Subscriber<String> {
    private String event;
    private final StringBuilder data = new StringBuilder();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      StreamWatch.this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.isEmpty()) {
        dispatch(event, data.toString(), System.nanoTime());
        event = null;
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }

    @Override
    public void onError(Throwable error) {
      // closed by the harness, or the evaluator went away: changes not seen count as lost
    }

    @Override
    public void onComplete() {}
  }

  private void dispatch(String event, String data, long nanos) {
    if ("snapshot".equals(event)) {
      received.add(nanos + " " + event + " " + data);
      snapshotSeen = true;
    } else if ("flag".equals(event)) {
      JsonNode flag = JSON.readTree(data);
      String name = flag.get("flag").asString();
      Long ordinal = counted.computeIfPresent(name, (n, v) -> v + 1);
      if (ordinal != null) {
        arrivals.saw(name, ordinal, nanos);
      }
      received.add(nanos + " " + event + " " + data);
    }
  }

  @Override
  public void close() {
    Flow.Subscription open = subscription;
    if (open != null) {
      open.cancel();
    }
    response.cancel(true);
  }
}
