package dev.flagstream.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client without Kafka: everything from a snapshot endpoint, as an evaluator serves it. */
class SnapshotClientTest {

  @Test
  void client_startsFromASnapshot_andEvaluatesItsFlags() throws Exception {
    byte[] body =
        FlagSnapshot.of(
                List.of(
                    Flag.builder("new-checkout").enabled(true).rolloutPercentage(100).build(),
                    Flag.builder("old-search").enabled(false).version(3).build()),
                42,
                Instant.now())
            .toJson();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/flags/snapshot",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (FlagClient client =
        FlagClient.builder()
            .evaluator(
                URI.create("http://localhost:" + server.getAddress().getPort()), "server-key")
            .build()) {
      assertThat(client.awaitReady(Broker.TIMEOUT)).as("ready").isTrue();
      assertThat(client.isEnabled("new-checkout", "any-user")).isTrue();
      assertThat(client.isEnabled("old-search", "any-user")).isFalse();
      assertThat(client.flag("old-search")).extracting(Flag::version).isEqualTo(3L);
      assertThat(client.revision()).isEqualTo(42);
    } finally {
      server.stop(0);
    }
  }
}
