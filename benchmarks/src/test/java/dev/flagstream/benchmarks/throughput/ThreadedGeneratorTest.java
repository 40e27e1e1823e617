package dev.flagstream.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator used where wrk is missing, against a server that answers as the evaluator's API
 * does: it counts what was answered with 200 and what was not, each request for a new user.
 */
class ThreadedGeneratorTest {
  private final Set<String> targets = ConcurrentHashMap.newKeySet();
  private final Set<String> bodies = ConcurrentHashMap.newKeySet();
  private HttpServer server;

  private String start(int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/",
        exchange -> {
          targets.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void answeredRequests_areCounted_withTheirLatency_eachForANewUser() throws IOException {
    ThreadedGenerator generator =
        new ThreadedGenerator(HttpClient.newHttpClient(), start(200), "key", 2);

    Measured measured =
        generator.run(Scenario.EVERY_VALUE, List.of("a"), 1, ProcessHandle.current().pid());

    assertThat(measured.requests()).isPositive();
    assertThat(measured.failed()).isZero();
    assertThat(measured.seconds()).isGreaterThanOrEqualTo(1.0);
    assertThat(measured.p99Micros()).isGreaterThanOrEqualTo(measured.p50Micros()).isPositive();
    assertThat(targets).containsOnly("POST /api/evaluations/values");
    assertThat(bodies).hasSize((int) measured.requests() + (int) measured.failed());
    assertThat(generator.name()).contains("2 threads");
  }

  @Test
  void requestsAnsweredOtherwise_areFailures() throws IOException {
    ThreadedGenerator generator =
        new ThreadedGenerator(HttpClient.newHttpClient(), start(503), "key", 1);

    Measured measured =
        generator.run(Scenario.ONE_FLAG, List.of("a", "b"), 1, ProcessHandle.current().pid());

    assertThat(measured.requests()).isZero();
    assertThat(measured.failed()).isPositive();
    assertThat(targets).allMatch(target -> target.startsWith("GET /api/flags/"));
  }
}
