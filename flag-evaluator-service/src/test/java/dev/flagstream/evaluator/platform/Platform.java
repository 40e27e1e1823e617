package dev.flagstream.evaluator.platform;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.evaluator.EvaluatorApplication;
import dev.flagstream.local.infrastructure.LocalKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform for end-to-end tests: a real PostgreSQL and a real Kafka broker, the admin
 * service capturing changes, and evaluators reading them. Each part can be stopped and started
 * again on the same port and data, for outage tests.
 */
final class Platform implements AutoCloseable {
  // Shaped like a generated token, as the admin service requires of a bootstrap token.
  static final String ADMIN_TOKEN = "fst_PlatformTestsAdminToken-0123456789abcdefghijklmn";
  static final String SERVER_KEY = "server-key-for-platform-tests";
  static final String CLIENT_KEY = "client-key-for-platform-tests";

  private final Path postgresData;
  private final int postgresPort;
  private LocalPostgres postgres;
  final LocalKafka kafka;
  private final Map<String, Object> evaluatorKafka;
  private final ConfigurableApplicationContext admin;
  private final List<ConfigurableApplicationContext> evaluators = new ArrayList<>();

  /** The platform on a Kafka broker of its own that asks for no credentials. */
  Platform() {
    this(LocalKafka.startTemporary(), Map.of(), Map.of());
  }

  /**
   * The platform on {@code kafka}, which it closes with itself; the admin service and the
   * evaluators sign in to it with the Kafka client settings given.
   */
  Platform(LocalKafka kafka, Map<String, Object> adminKafka, Map<String, Object> evaluatorKafka) {
    this.kafka = kafka;
    this.evaluatorKafka = evaluatorKafka;
    try {
      postgresData = Files.createTempDirectory("platform-postgres");
      postgresPort = freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startPostgres();
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.createDatabaseIfMissing("flagstream"),
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--flags.bootstrap.token=" + ADMIN_TOKEN,
                "--flags.session.secure-cookies=false",
                "--flags.keys.server=" + SERVER_KEY,
                "--flags.cdc.publish-timeout=5s",
                "--flags.cdc.max-restart-backoff=2s",
                "--flags.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--flags.kafka.replication-factor=1"));
    arguments.addAll(kafkaArguments(adminKafka));
    admin =
        new SpringApplicationBuilder(AdminApplication.class).run(arguments.toArray(String[]::new));
  }

  /** Kafka client settings as the services take them: {@code flags.kafka.properties[name]}. */
  private static List<String> kafkaArguments(Map<String, Object> settings) {
    return settings.entrySet().stream()
        .map(setting -> "--flags.kafka.properties[" + setting.getKey() + "]=" + setting.getValue())
        .toList();
  }

  void startPostgres() {
    postgres = LocalPostgres.builder().dataDirectory(postgresData).port(postgresPort).start();
  }

  void stopPostgres() {
    postgres.close();
  }

  int adminPort() {
    return port(admin);
  }

  /** Starts an evaluator refreshing from the admin snapshot every {@code refresh}. */
  ConfigurableApplicationContext startEvaluator(Duration refresh) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--flags.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--flags.admin-url=http://localhost:" + adminPort(),
                "--flags.admin-server-key=" + SERVER_KEY,
                "--flags.refresh-interval=" + refresh.toMillis() + "ms",
                "--flags.keys.server=" + SERVER_KEY,
                "--flags.keys.client=" + CLIENT_KEY,
                "--flags.stream.heartbeat-interval=1s"));
    arguments.addAll(kafkaArguments(evaluatorKafka));
    ConfigurableApplicationContext evaluator =
        EvaluatorApplication.builder().run(arguments.toArray(String[]::new));
    evaluators.add(evaluator);
    return evaluator;
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    evaluators.forEach(ConfigurableApplicationContext::close);
    admin.close();
    kafka.close();
    postgres.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
