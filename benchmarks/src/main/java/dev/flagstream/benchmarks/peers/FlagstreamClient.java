package dev.flagstream.benchmarks.peers;

import com.sun.net.httpserver.HttpServer;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Flagstream's public client as a service builds it, its flags read once from a snapshot served on
 * loopback (a refresh an hour: none during a run), then evaluated in memory like every peer's.
 */
@State(Scope.Benchmark)
public class FlagstreamClient {
  FlagClient client;
  private HttpServer server;

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    Flag flag = Flag.builder(RolloutFiles.FLAG).enabled(true).rolloutPercentage(50).build();
    byte[] snapshot = FlagSnapshot.of(List.of(flag), 1, Instant.now()).toJson();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/flags/snapshot",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, snapshot.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(snapshot);
          }
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client =
        FlagClient.builder()
            .evaluator(base, "benchmark")
            .refreshInterval(Duration.ofHours(1))
            .build();
    if (!client.awaitReady(Duration.ofSeconds(30))) {
      throw new IllegalStateException("the client did not read its snapshot: " + client.status());
    }
    RolloutFiles.requireAboutHalf(
        "Flagstream",
        Arrays.stream(UserIds.all()).filter(id -> client.isEnabled(RolloutFiles.FLAG, id)).count());
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    client.close();
    server.stop(0);
  }
}
