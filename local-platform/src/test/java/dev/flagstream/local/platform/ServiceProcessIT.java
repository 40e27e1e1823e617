package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.local.infrastructure.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's process as the launcher runs it, with {@link FakeService} in the service's place. */
class ServiceProcessIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path directory;

  private Path fakeJar() throws IOException {
    Path jar = directory.resolve("fake-service.jar");
    AgentJar.write(jar, "Main-Class", FakeService.class);
    return jar;
  }

  private ServiceProcess fake(Map<String, String> extra) throws IOException {
    int port = FreePorts.any();
    Map<String, String> settings = new LinkedHashMap<>(ServiceSettings.logging("fake", directory));
    settings.put("server.port", Integer.toString(port));
    settings.putAll(extra);
    return new ServiceProcess(
        "fake",
        fakeJar(),
        port,
        directory.resolve("fake.log"),
        settings,
        new ServiceOutput("fake", new PrintStream(console, true, StandardCharsets.UTF_8)));
  }

  private int status(ServiceProcess service, Duration timeout) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/health/ready"))
                .timeout(timeout)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String log(ServiceProcess service) throws IOException {
    return Files.readString(service.logFile());
  }

  @Test
  void start_returnsOnceReady_logsInFull_andRelaysTheConsoleWithTheServicesName() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.start();

      assertThat(status(service, WAIT)).isEqualTo(200);
      assertThat(service.isRunning()).isTrue();
      assertThat(ProcessHandle.of(service.pid())).isPresent();
      assertThat(log(service))
          .contains("--server.port=" + service.port())
          .contains("--logging.threshold.console=WARN");
      await()
          .atMost(WAIT)
          .until(() -> console.toString(StandardCharsets.UTF_8).contains("fake | "));
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("fake | 00:00:00.000 WARN  fake - started with");

      service.stop();
      assertThat(service.isRunning()).isFalse();
      assertThat(log(service)).endsWith("stopped gracefully\n");
      assertThatThrownBy(service::pid).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aServiceThatIsNotRunning_ignoresStopKillAndThaw_andRefusesFreezeAndPid() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.stop();
      service.kill();
      service.thaw();

      assertThat(service.isRunning()).isFalse();
      assertThat(service.startupTime()).isEmpty();
      assertThat(service.onExit()).isDone();
      assertThatThrownBy(service::freeze).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(service::pid).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(service::awaitReady).hasMessageContaining("was not launched");
    }
  }

  @Test
  void start_ofARunningService_keepsItsProcess() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.start();
      long pid = service.pid();

      service.start();

      assertThat(service.pid()).isEqualTo(pid);
      assertThat(service.startupTime()).hasValueSatisfying(time -> assertThat(time).isPositive());
    }
  }

  @Test
  void aServiceThatExitsWhileStarting_failsTheStart_withItsLastWordsAndItsLog() throws Exception {
    try (ServiceProcess service = fake(Map.of("fake.exit-status", "3"))) {
      assertThatThrownBy(service::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("fake exited with status 3 while starting")
          .hasMessageContaining("cannot start, as asked")
          .hasMessageContaining(service.logFile().toString());
      assertThat(service.isRunning()).isFalse();
    }
  }

  @Test
  void aFrozenService_answersNothing_untilThawed() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.start();

      service.freeze();
      assertThat(service.isFrozen()).isTrue();
      assertThat(service.isRunning()).as("paused, not dead").isTrue();
      assertThatThrownBy(() -> status(service, Duration.ofSeconds(1)))
          .isInstanceOf(HttpTimeoutException.class);

      service.thaw();
      assertThat(service.isFrozen()).isFalse();
      assertThat(status(service, WAIT)).isEqualTo(200);
    }
  }

  @Test
  void aFrozenService_stillStopsGracefully() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.start();
      service.freeze();

      service.stop();

      assertThat(service.isRunning()).isFalse();
      assertThat(log(service)).endsWith("stopped gracefully\n");
    }
  }

  @Test
  void restart_runsANewProcessOnTheSamePort_andKillEndsItWithoutAGracefulStop() throws Exception {
    try (ServiceProcess service = fake(Map.of())) {
      service.start();
      long first = service.pid();

      service.restart();
      assertThat(service.pid()).isNotEqualTo(first);
      assertThat(status(service, WAIT)).isEqualTo(200);
      String beforeTheKill = log(service);

      service.kill();
      assertThat(service.isRunning()).isFalse();
      assertThat(log(service)).isEqualTo(beforeTheKill);
    }
  }

  @Test
  void aService_endsWhenTheProcessThatStartedItDies_evenWithoutShutdownHooks() throws Exception {
    Process launcher = new ProcessBuilder("sleep", "120").start();
    Path log = directory.resolve("orphan.log");
    Process orphan =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + AgentJar.parentWatch() + "=" + launcher.pid(),
                "-jar",
                fakeJar().toString(),
                "--server.port=" + FreePorts.any(),
                "--logging.file.name=" + log)
            .start();
    try {
      await().atMost(WAIT).until(() -> Files.exists(log));
      assertThat(orphan.isAlive()).as("alive while the launcher is").isTrue();

      launcher.destroyForcibly();

      await().atMost(WAIT).until(() -> !orphan.isAlive());
      assertThat(Files.readString(log)).endsWith("stopped gracefully\n");
    } finally {
      launcher.destroyForcibly();
      orphan.destroyForcibly();
    }
  }
}
