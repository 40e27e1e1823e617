package dev.flagstream.evaluator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safety net reads the admin service's snapshot where every Flagstream service serves it. The
 * admin service stands in as a plain HTTP endpoint that answers only that path; Kafka is out of
 * reach, so the snapshot is all the store gets.
 */
class StoreConfigurationTest {
  private static final String SERVER_KEY = "fss_admin-server-key-for-tests";

  private final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private HttpServer admin;

  @BeforeEach
  void startAdmin() throws IOException {
    byte[] snapshot =
        FlagSnapshot.of(
                List.of(Flag.builder("kill-switch").enabled(true).build()),
                FlagSnapshot.UNKNOWN_REVISION,
                Instant.now())
            .toJson();
    admin = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    admin.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
          boolean served = path.equals("/api/flags/snapshot");
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(served ? 200 : 404, served ? snapshot.length : -1);
          try (OutputStream body = exchange.getResponseBody()) {
            if (served) {
              body.write(snapshot);
            }
          }
        });
    admin.start();
  }

  @AfterEach
  void stopAdmin() {
    admin.stop(0);
  }

  @Test
  void theSafetyNet_readsTheAdminSnapshotAtTheSharedPath_withTheServerKey() {
    StoreProperties properties =
        new StoreProperties(
            new StoreProperties.Kafka("localhost:1", "flagstream.flags", Map.of()),
            URI.create("http://localhost:" + admin.getAddress().getPort()),
            SERVER_KEY,
            Duration.ofSeconds(60),
            Duration.ofSeconds(30));

    try (FlagClient store = StoreConfiguration.builder(properties).build()) {
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(store.isEnabled("kill-switch", "u-1", false)).isTrue());
    }
    assertThat(requests)
        .isNotEmpty()
        .allMatch(("/api/flags/snapshot Bearer " + SERVER_KEY)::equals);
  }
}
