package dev.flagstream.local.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.local.infrastructure.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's wiring, with {@link FakeService} in both services' places on a real PostgreSQL and
 * a real Kafka broker: what each service is told, where everything logs, how it all stops. Whether
 * the real services work together so is the e2e module's business.
 */
class LauncherIT {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir Path directory;
  private Path fake;

  @BeforeEach
  void writeTheFakeService() throws IOException {
    fake = FakeServiceJar.write(directory);
  }

  private LocalPlatformBuilder platform() {
    return LocalPlatform.builder()
        .adminJar(fake)
        .evaluatorJar(fake)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private static String log(ServiceProcess service) throws IOException {
    return Files.readString(service.logFile());
  }

  @Test
  void start_wiresTheServicesToPostgresKafkaAndEachOther_thenCloseStopsEverything()
      throws Exception {
    LocalPlatform platform =
        platform()
            .adminSetting("flags.cdc.publish-timeout", "5s")
            .evaluatorSetting("flags.refresh-interval", "60s")
            .start();
    Path home = platform.home();
    List<Long> pids;
    try {
      LocalCredentials credentials = platform.credentials();
      ServiceProcess admin = platform.admin();
      ServiceProcess evaluator = platform.evaluator();
      assertThat(log(admin))
          .contains("--spring.datasource.url=" + platform.postgres().jdbcUrl())
          .contains("--flags.kafka.bootstrap-servers=" + platform.kafka().bootstrapServers())
          .contains("--flags.bootstrap.token=" + credentials.token())
          .contains("--flags.keys.server=" + credentials.serverKey())
          .contains("--flags.two-factor.encryption-keys=" + credentials.twoFactorKey())
          .contains("--flags.cdc.publish-timeout=5s");
      assertThat(log(evaluator))
          .contains("--flags.admin-url=" + admin.url())
          .contains("--flags.admin-server-key=" + credentials.serverKey())
          .contains("--flags.keys.client=" + credentials.clientKey())
          .contains("--flags.refresh-interval=60s");
      assertThat(admin.port()).isNotEqualTo(evaluator.port());
      try (Connection database =
          DriverManager.getConnection(
              platform.postgres().jdbcUrl(), platform.postgres().user(), "")) {
        assertThat(database.isValid(5)).isTrue();
      }
      assertThat(platform.logDirectory())
          .isEqualTo(home.resolve("logs"))
          .isDirectoryContaining("glob:**/flag-admin-service.log")
          .isDirectoryContaining("glob:**/flag-evaluator-service.log")
          .isDirectoryContaining("glob:**/kafka.log")
          .isDirectoryContaining("glob:**/postgres.log");
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("flag-admin-service | ")
          .contains("flag-evaluator-service | ");

      String banner = Banner.of(platform, Duration.ofMillis(12_345), Banner.memory(platform));
      assertThat(banner)
          .contains(admin.url(), evaluator.url(), platform.kafka().bootstrapServers())
          .contains(credentials.token(), credentials.password(), credentials.clientKey())
          .contains(platform.logDirectory().toString())
          .contains(platform.postgres().jdbcUrl())
          .containsPattern(
              "started in      12\\.3 s: postgres [0-9.]+ s, kafka [0-9.]+ s,"
                  + " flag-admin-service [0-9.]+ s, flag-evaluator-service [0-9.]+ s")
          .containsPattern(
              "memory          admin \\d+ MB, evaluator \\d+ MB, kafka \\d+ MB \\(RSS\\);"
                  + " postgres \\d+ MB \\(\\d+ processes, PSS\\)");
      assertThat(platform.startupTimes())
          .containsOnlyKeys(
              LocalPlatform.POSTGRES,
              LocalPlatform.KAFKA,
              LocalPlatform.ADMIN,
              LocalPlatform.EVALUATOR)
          .allSatisfy((part, time) -> assertThat(time).isPositive());
      pids =
          List.of(admin.pid(), evaluator.pid(), platform.kafka().pid(), platform.postgres().pid());
    } finally {
      platform.close();
    }
    // The services and Kafka were waited for; PostgreSQL, a daemon, is gone once its last
    // process has exited, moments after pg_ctl saw its pid file go.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(pids)
                    .allSatisfy(
                        pid ->
                            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                                .as("pid " + pid)
                                .isEmpty()));
    assertThat(home).as("temporary data is deleted").doesNotExist();
    assertThat(platform.isStopping()).isTrue();
  }

  @Test
  void anotherEvaluator_getsTheFirstsSettingsAndItsOwn_onAPortOfItsOwn() throws Exception {
    try (LocalPlatform platform = platform().start()) {
      ServiceProcess another = platform.startEvaluator(Map.of("flags.refresh-interval", "2s"));

      assertThat(another.name()).isEqualTo("flag-evaluator-service-2");
      assertThat(another.port()).isNotIn(platform.evaluator().port(), platform.admin().port());
      assertThat(another.logFile()).hasFileName("flag-evaluator-service-2.log");
      assertThat(log(another))
          .contains("--flags.refresh-interval=2s")
          .contains("--flags.keys.client=" + platform.credentials().clientKey())
          .contains("--server.port=" + another.port());
    }
  }

  @Test
  void postgres_stopsAndStartsAgain_onThePortItHad() throws Exception {
    try (LocalPlatform platform = platform().start()) {
      PlatformPostgres postgres = platform.postgres();
      int port = postgres.port();

      postgres.stop();
      assertThat(postgres.isRunning()).isFalse();
      assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(postgres::pid).isInstanceOf(IllegalStateException.class);

      postgres.start();
      assertThat(postgres.port()).isEqualTo(port);
      try (Connection database =
          DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "")) {
        assertThat(database.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void aServiceThatCannotStart_failsTheStart_andStopsWhatWasStartedBefore() {
    Path home = directory.resolve("home");
    int kafkaPort = FreePorts.any();

    assertThatThrownBy(
            () ->
                platform()
                    .home(home)
                    .kafkaPort(kafkaPort)
                    .adminSetting("fake.exit-status", "1")
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flag-admin-service exited with status 1 while starting");

    assertThat(home.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
    assertThat(accepts(kafkaPort)).as("Kafka stopped").isFalse();
    assertThat(home.resolve(LocalCredentials.FILE)).as("kept data stays").exists();
  }

  @Test
  void withoutAJar_itSaysWhichPropertyNamesIt() {
    assertThatThrownBy(() -> LocalPlatform.builder().evaluatorJar(fake).start())
        .hasMessageContaining(LocalPlatform.ADMIN_JAR);
    assertThatThrownBy(
            () ->
                LocalPlatform.builder()
                    .adminJar(fake)
                    .evaluatorJar(directory.resolve("missing.jar"))
                    .start())
        .hasMessageContaining("missing.jar is not a file");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
