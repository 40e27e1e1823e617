package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.container.ImageArchive;
import dev.flagstream.container.ImageProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator's image as this build wrote it (target/jib-image.tar): its configuration, and the
 * service started from it the way a container engine would, without one ({@link ImageProcess}).
 */
class ContainerImageIT {
  private static final Path ARCHIVE = Path.of("target/jib-image.tar");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path root;
  @TempDir static Path logs;
  private static ImageArchive image;

  @BeforeAll
  static void extract() throws IOException {
    image = ImageArchive.open(ARCHIVE);
    image.extractTo(root);
  }

  @Test
  void theImage_runsTheEvaluatorAsNonroot_onPort3002() {
    String version = image.labels().get("org.opencontainers.image.version");
    assertThat(version).isNotBlank();
    assertThat(image.tags()).containsExactly("flagstream/flag-evaluator-service:" + version);
    assertThat(image.user()).isEqualTo("65532:65532");
    assertThat(image.exposedPorts()).containsExactly("3002/tcp");
    assertThat(image.environment()).containsEntry("SERVER_PORT", "3002");
    assertThat(image.entrypoint())
        .startsWith("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
        .endsWith("dev.flagstream.evaluator.EvaluatorApplication");
    assertThat(image.healthCheck())
        .startsWith("CMD", "java")
        .endsWith("/opt/flagstream/healthcheck.jar");
  }

  @Test
  void theLabels_sayWhereTheImageComesFrom() {
    assertThat(image.labels())
        .containsEntry("org.opencontainers.image.title", "Flagstream evaluator service")
        .containsEntry(
            "org.opencontainers.image.source", "https://github.com/flagstream/flagstream")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsKey("dev.flagstream.base.packages");
    assertThat(image.labels().get("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
  }

  @Test
  void theService_startsFromTheImage_liveWithoutKafka_andItsHealthCheckSaysNotReady()
      throws IOException {
    int port = freePort();
    Map<String, String> environment =
        Map.of(
            "SERVER_PORT", Integer.toString(port),
            "FLAGS_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort(),
            "FLAGS_KEYS_SERVER", "server-key-for-the-image-test",
            "FLAGS_KEYS_CLIENT", "client-key-for-the-image-test",
            "JAVA_TOOL_OPTIONS", "-Xmx256m");
    try (ImageProcess evaluator =
        ImageProcess.start(image, root, environment, List.of(), logs.resolve("evaluator.log"))) {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the evaluator exited", () -> !evaluator.isAlive())
          .until(() -> status(port, "/health/live") == 200);
      assertThat(status(port, "/health/ready")).isEqualTo(503);
      List<String> check = image.healthCheck().subList(1, image.healthCheck().size());
      ImageProcess.Result ready =
          ImageProcess.run(image, root, environment, check, Duration.ofMinutes(1));
      assertThat(ready.exitCode()).as(ready.output()).isOne();
      List<String> live = new java.util.ArrayList<>(check);
      live.add("/health/live");
      ImageProcess.Result alive =
          ImageProcess.run(image, root, environment, live, Duration.ofMinutes(1));
      assertThat(alive.exitCode()).as(alive.output()).isZero();
      assertThat(evaluator.output()).contains("Started EvaluatorApplication");
    }
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
