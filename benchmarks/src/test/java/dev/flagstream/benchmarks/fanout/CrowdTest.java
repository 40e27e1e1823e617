package dev.flagstream.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crowd against a server that answers as the evaluator's stream does: a snapshot first, then
 * events as the test sends them, or a refusal.
 */
class CrowdTest {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private HttpServer server;

  private String start(int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/api/flags/stream",
        exchange -> {
          if (status != 200) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write(
              "event:snapshot\ndata:{\"values\":{\"p\":false}}\n\n"
                  .getBytes(StandardCharsets.UTF_8));
          body.flush();
          try {
            for (String event = events.take(); !event.isEmpty(); event = events.take()) {
              body.write(event.getBytes(StandardCharsets.UTF_8));
              body.flush();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    events.add("");
    server.stop(0);
  }

  @Test
  void eachStream_timesTheEventsOfTheFlagItWatches_only() throws IOException {
    try (Crowd crowd = new Crowd(start(200), "key", "p", "user-", 1, 3)) {
      assertThat(crowd.awaitOpen(30_000)).isTrue();
      assertThat(crowd.opened()).isEqualTo(1);

      long before = System.nanoTime();
      events.add("event:flag\ndata:{\"flag\":\"other\",\"value\":true}\n\n");
      events.add("event:flag\ndata:{\"flag\":\"p\",\"value\":true}\n\n");
      events.add(": heartbeat\n\nevent:flag\ndata:{\"flag\":\"p\",\"value\":false}\n\n");

      List<Long> second = crowd.awaitArrivals(2, 30_000);
      assertThat(second).hasSize(1);
      assertThat(second.get(0)).isGreaterThan(before);
      assertThat(crowd.awaitArrivals(1, 0).get(0)).isBetween(before, second.get(0));
      assertThat(crowd.awaitArrivals(3, 0)).as("no third event of p").containsExactly(-1L);
    }
  }

  @Test
  void aRefusedStream_countsAsFailed_andHasNoArrivals() throws IOException {
    try (Crowd crowd = new Crowd(start(503), "key", "p", "user-", 2, 1)) {
      assertThat(crowd.awaitOpen(30_000)).isTrue();
      assertThat(crowd.opened()).isZero();
      assertThat(crowd.failed()).isEqualTo(2);
      assertThat(crowd.awaitArrivals(1, 0)).isEmpty();
    }
  }
}
