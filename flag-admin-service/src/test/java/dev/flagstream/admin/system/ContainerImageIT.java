package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.container.ImageArchive;
import dev.flagstream.container.ImageProcess;
import dev.flagstream.local.infrastructure.LocalPostgres;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin service's image as this build wrote it (target/jib-image.tar): its configuration, and
 * the service started from it the way a container engine would, without one ({@link ImageProcess}).
 */
class ContainerImageIT {
  private static final Path ARCHIVE = Path.of("target/jib-image.tar");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path root;
  @TempDir static Path logs;
  private static ImageArchive image;

  private static LocalPostgres postgres;

  @BeforeAll
  static void extract() throws IOException {
    image = ImageArchive.open(ARCHIVE);
    image.extractTo(root);
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theImage_runsTheAdminServiceAsNonroot_onPort3001() {
    String version = image.labels().get("org.opencontainers.image.version");
    assertThat(version).isNotBlank();
    assertThat(image.tags()).containsExactly("flagstream/flag-admin-service:" + version);
    assertThat(image.user()).isEqualTo("65532:65532");
    assertThat(image.exposedPorts()).containsExactly("3001/tcp");
    assertThat(image.environment()).containsEntry("SERVER_PORT", "3001");
    assertThat(image.entrypoint())
        .startsWith("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
        .endsWith("dev.flagstream.admin.AdminApplication");
    assertThat(image.healthCheck())
        .startsWith("CMD", "java")
        .endsWith("/opt/flagstream/healthcheck.jar");
  }

  @Test
  void theLabels_sayWhereTheImageComesFrom() {
    assertThat(image.labels())
        .containsEntry("org.opencontainers.image.title", "Flagstream admin service")
        .containsEntry(
            "org.opencontainers.image.source", "https://github.com/flagstream/flagstream")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsKey("dev.flagstream.base.packages");
    assertThat(image.labels().get("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
  }

  @Test
  void theService_startsFromTheImage_migratesTheDatabase_andItsHealthCheckSaysReady()
      throws IOException {
    postgres = LocalPostgres.startTemporary();
    int port = freePort();
    Map<String, String> environment =
        Map.of(
            "SERVER_PORT", Integer.toString(port),
            "SPRING_DATASOURCE_URL", postgres.createDatabaseIfMissing("image"),
            "SPRING_DATASOURCE_USERNAME", LocalPostgres.USER,
            "SPRING_DATASOURCE_PASSWORD", "",
            "FLAGS_CDC_ENABLED", "false",
            "FLAGS_BOOTSTRAP_ADMIN_PASSWORD", "a long password for the image test",
            "JAVA_TOOL_OPTIONS", "-Xmx384m");
    try (ImageProcess admin =
        ImageProcess.start(image, root, environment, List.of(), logs.resolve("admin.log"))) {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the admin service exited", () -> !admin.isAlive())
          .until(() -> status(port, "/health/ready") == 200);
      List<String> check = image.healthCheck().subList(1, image.healthCheck().size());
      ImageProcess.Result ready =
          ImageProcess.run(image, root, environment, check, Duration.ofMinutes(1));
      assertThat(ready.exitCode()).as(ready.output()).isZero();
      assertThat(ready.output()).contains("/health/ready answered 200");
      assertThat(admin.output()).contains("Started AdminApplication");
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
