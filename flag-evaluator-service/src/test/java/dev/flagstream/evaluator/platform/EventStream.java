package dev.flagstream.evaluator.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser's EventSource, as far as tests need one: connects, and collects every event. */
final class EventStream implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Event(String name, @Nullable String id, JsonNode data) {}

  // Held for the stream's lifetime: a client no one references stops, and its requests hang.
  private final HttpClient http = HttpClient.newHttpClient();
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<String> comments = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;

  EventStream(String url, @Nullable String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .whenComplete(
                (reply, error) -> {
                  if (reply != null) {
                    status = reply.statusCode();
                    Thread reader = new Thread(() -> read(reply.body()), "test-sse-reader");
                    reader.setDaemon(true);
                    reader.start();
                  }
                });
  }

  private void read(Stream<String> lines) {
    String[] name = {"message"};
    String[] id = {null};
    StringBuilder data = new StringBuilder();
    lines.forEach(
        line -> {
          if (line.isEmpty()) {
            if (!data.isEmpty()) {
              events.add(new Event(name[0], id[0], JSON.readTree(data.toString())));
            }
            name[0] = "message";
            data.setLength(0);
          } else if (line.startsWith(":")) {
            comments.add(line.substring(1).strip());
          } else if (line.startsWith("event:")) {
            name[0] = line.substring(6).strip();
          } else if (line.startsWith("id:")) {
            id[0] = line.substring(3).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).strip());
          }
        });
  }

  int status() {
    return status;
  }

  @Nullable Event last() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  @Override
  public void close() {
    response.cancel(true);
    response.thenAccept(reply -> reply.body().close());
  }
}
