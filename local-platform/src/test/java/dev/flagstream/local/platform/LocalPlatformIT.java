package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run starts from nothing, serves, stops cleanly and finds its data again. */
class LocalPlatformIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsServesAndKeepsItsDataAcrossRestarts(@TempDir Path home) throws Exception {
    int port = freePort();
    int kafkaPort = freePort();
    int evaluatorPort = freePort();
    LocalCredentials credentials;
    try (LocalPlatform platform = new LocalPlatform(home, port, kafkaPort, evaluatorPort)) {
      platform.start();
      credentials = LocalCredentials.loadOrCreate(home);
      assertThat(platform.banner()).contains("http://localhost:" + port, credentials.token());
      assertThat(get(port, "/api/admin/flags", credentials.token()).body()).isEqualTo("[]");
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/flags"))
                  .header("Authorization", "Bearer " + credentials.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"kept\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(platform.banner()).contains("localhost:" + kafkaPort);
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  "localhost:" + kafkaPort,
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer.assign(List.of(new TopicPartition("flagstream.flags", 0)));
        List<String> keys = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                  assertThat(keys)
                      .as("the change was captured onto the flag topic")
                      .contains("kept");
                });
      }
    }
    try (LocalPlatform platform = new LocalPlatform(home, port, kafkaPort, evaluatorPort)) {
      platform.start();
      assertThat(LocalCredentials.loadOrCreate(home)).isEqualTo(credentials);
      assertThat(get(port, "/api/admin/flags", credentials.token()).body()).contains("\"kept\"");
    }
  }

  private HttpResponse<String> get(int port, String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
