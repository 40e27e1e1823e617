package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  @Test
  void target_isTheServicesPortOnLoopback_readinessUnlessAPathIsGiven() {
    assertThat(HealthCheck.target(Map.of("SERVER_PORT", "3001"), new String[0]))
        .isEqualTo(URI.create("http://127.0.0.1:3001/health/ready"));
    assertThat(HealthCheck.target(Map.of("SERVER_PORT", "3002"), new String[] {"/health/live"}))
        .isEqualTo(URI.create("http://127.0.0.1:3002/health/live"));
    assertThat(HealthCheck.target(Map.of("SERVER_PORT", "65535"), new String[0]).getPort())
        .isEqualTo(65535);
  }

  @Test
  void target_refusesAMissingOrBadPort_andARelativePath() {
    for (Map<String, String> environment :
        List.<Map<String, String>>of(
            Map.of(),
            Map.of("SERVER_PORT", "http"),
            Map.of("SERVER_PORT", "65536"),
            Map.of("SERVER_PORT", "123456"))) {
      assertThatThrownBy(() -> HealthCheck.target(environment, new String[0]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SERVER_PORT");
    }
    assertThatThrownBy(
            () -> HealthCheck.target(Map.of("SERVER_PORT", "1"), new String[] {"health"}))
        .hasMessageContaining("must start with /");
  }

  @Test
  void status_isWhatTheServiceAnswered_andMinusOneWhenNothingAnswers() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/health/live",
        exchange -> {
          byte[] body = "{\"status\":\"DOWN\"}".getBytes();
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(HealthCheck.status(URI.create(base + "/health/ready"), Duration.ofSeconds(2)))
          .isEqualTo(200);
      assertThat(HealthCheck.status(URI.create(base + "/health/live"), Duration.ofSeconds(2)))
          .isEqualTo(503);
    } finally {
      server.stop(0);
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(
            HealthCheck.status(
                URI.create("http://127.0.0.1:" + closed + "/"), Duration.ofSeconds(2)))
        .isEqualTo(-1);
  }

  @Test
  void exitCode_isZeroFor2xxOnly() {
    assertThat(HealthCheck.exitCode(200)).isZero();
    assertThat(HealthCheck.exitCode(204)).isZero();
    assertThat(HealthCheck.exitCode(299)).isZero();
    assertThat(HealthCheck.exitCode(199)).isOne();
    assertThat(HealthCheck.exitCode(300)).isOne();
    assertThat(HealthCheck.exitCode(503)).isOne();
    assertThat(HealthCheck.exitCode(-1)).isOne();
  }

  @Test
  void run_printsWhatTheServiceAnswered_andReturnsZeroFor2xxOnly() throws IOException {
    try (Service service =
        Service.start(
            Map.of(
                "/health/ready", answer(200, "{\"status\":\"UP\"}"),
                "/health/live", answer(503, "{\"status\":\"DOWN\"}")))) {
      Map<String, String> environment = Map.of("SERVER_PORT", String.valueOf(service.port()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
        assertThat(HealthCheck.run(environment, new String[0], print)).isZero();
        assertThat(HealthCheck.run(environment, new String[] {"/health/live"}, print)).isOne();
      }
      assertThat(out.toString(StandardCharsets.UTF_8).lines())
          .containsExactly(
              "http://127.0.0.1:" + service.port() + "/health/ready answered 200",
              "http://127.0.0.1:" + service.port() + "/health/live answered 503");
    }
  }

  @Test
  void run_saysNothingAnswered_andReturnsOne_whenNoServiceListens() throws IOException {
    int closed = closedPort();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      assertThat(
              HealthCheck.run(Map.of("SERVER_PORT", String.valueOf(closed)), new String[0], print))
          .isOne();
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("http://127.0.0.1:" + closed + "/health/ready answered nothing\n");
  }

  @Test
  void status_isTheErrorStatus_withOrWithoutABody() throws IOException {
    try (Service service =
        Service.start(
            Map.of(
                "/bad", answer(400, "{\"title\":\"Bad Request\"}"),
                "/empty", answer(503, ""),
                "/none", exchange -> exchange.sendResponseHeaders(500, -1)))) {
      assertThat(HealthCheck.status(service.uri("/bad"), Duration.ofSeconds(2))).isEqualTo(400);
      assertThat(HealthCheck.status(service.uri("/empty"), Duration.ofSeconds(2))).isEqualTo(503);
      assertThat(HealthCheck.status(service.uri("/none"), Duration.ofSeconds(2))).isEqualTo(500);
    }
  }

  @Test
  void status_isMinusOne_whenTheServiceAcceptsTheRequestButDoesNotAnswer() throws IOException {
    CountDownLatch released = new CountDownLatch(1);
    try (Service service =
        Service.start(
            Map.of(
                "/health/ready",
                exchange -> {
                  await(released);
                  answer(200, "late").handle(exchange);
                }))) {
      try {
        assertThat(HealthCheck.status(service.uri("/health/ready"), Duration.ofMillis(300)))
            .isEqualTo(-1);
      } finally {
        released.countDown();
      }
    }
  }

  @Test
  void status_isMinusOne_whenTheBodyOfA2xxStallsPastTheTimeout() throws IOException {
    // Headers alone are no answer: a service that hangs while writing is not healthy.
    CountDownLatch released = new CountDownLatch(1);
    try (Service service =
        Service.start(
            Map.of(
                "/health/ready",
                exchange -> {
                  exchange.sendResponseHeaders(200, 100);
                  exchange.getResponseBody().write(new byte[10]);
                  exchange.getResponseBody().flush();
                  await(released);
                  exchange.close();
                }))) {
      try {
        assertThat(HealthCheck.status(service.uri("/health/ready"), Duration.ofMillis(300)))
            .isEqualTo(-1);
      } finally {
        released.countDown();
      }
    }
  }

  @Test
  void status_isMinusOne_whenTheServiceAcceptsNoConnection() throws IOException {
    // A listening socket whose backlog is full and that never accepts: connecting hangs.
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        for (int i = 0; i < 10 && connects(busy.getLocalPort(), queued); i++) {
          // fill the backlog until a connection attempt times out
        }
        assertThat(
                HealthCheck.status(
                    URI.create("http://127.0.0.1:" + busy.getLocalPort() + "/health/ready"),
                    Duration.ofMillis(300)))
            .isEqualTo(-1);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  private static boolean connects(int port, List<Socket> queued) throws IOException {
    Socket socket = new Socket();
    queued.add(socket);
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static HttpHandler answer(int status, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      // 0: a chunked body, here an empty one; -1 would be no body at all.
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    };
  }

  /** An HTTP server on loopback answering with the given handlers, each on its own thread. */
  private record Service(HttpServer server, ExecutorService threads) implements AutoCloseable {
    static Service start(Map<String, HttpHandler> handlers) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      handlers.forEach(server::createContext);
      ExecutorService threads = Executors.newCachedThreadPool();
      server.setExecutor(threads);
      server.start();
      return new Service(server, threads);
    }

    int port() {
      return server.getAddress().getPort();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
