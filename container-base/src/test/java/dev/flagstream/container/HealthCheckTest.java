package dev.flagstream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
