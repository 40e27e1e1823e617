package dev.flagstream.benchmarks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling a service that is still catching up: a counter that grows with every question. */
class HttpTest {
  private final AtomicInteger asked = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private HttpRequest counter;
  private HttpRequest missing;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/counter",
        exchange -> {
          byte[] answer =
              ("{\"seen\":" + asked.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    counter = HttpRequest.newBuilder(URI.create(url + "/counter")).build();
    missing = HttpRequest.newBuilder(URI.create(url + "/missing")).build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aFigure_isAwaited_untilItIsReached() {
    long before = System.nanoTime();

    long reached =
        Http.awaitFigure(
            http,
            counter,
            answer -> answer.get("seen").asLong(),
            3,
            "Seen",
            Duration.ofMillis(1),
            Duration.ofSeconds(30));

    assertThat(asked).hasValue(3);
    assertThat(reached).isGreaterThan(before);
  }

  @Test
  void aFigureNotReached_failsWithTheLastSeen_andAnAnswerOtherThan200_readsAsMinusOne() {
    assertThatThrownBy(
            () ->
                Http.awaitFigure(
                    http,
                    counter,
                    answer -> answer.get("seen").asLong(),
                    1_000_000,
                    "Seen",
                    Duration.ofMillis(1),
                    Duration.ZERO))
        .hasMessage("Seen: 1 after PT0S, awaited 1000000");
    assertThat(Http.figure(http, missing, answer -> 5)).isEqualTo(-1);
    assertThat(Http.send(http, missing).statusCode()).isEqualTo(404);
  }
}
