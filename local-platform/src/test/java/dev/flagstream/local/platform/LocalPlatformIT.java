package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run starts from nothing, serves, stops cleanly and finds its data again. */
class LocalPlatformIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsServesAndKeepsItsDataAcrossRestarts(@TempDir Path home) throws Exception {
    int port = freePort();
    LocalCredentials credentials;
    try (LocalPlatform platform = new LocalPlatform(home, port)) {
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
    }
    try (LocalPlatform platform = new LocalPlatform(home, port)) {
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
