package dev.flagstream.local.platform;

import static java.util.Objects.requireNonNull;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.evaluator.EvaluatorApplication;
import dev.flagstream.local.infrastructure.LocalKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the platform on this machine: a real PostgreSQL and a real Kafka broker with their data
 * under {@code .flagstream}, then the admin service on port 3001, which captures every flag change
 * onto the flag topic, and an evaluator on port 3002 reading it. Stops everything, in reverse
 * order, on Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Path home;
  private final int adminPort;
  private final int kafkaPort;
  private final int evaluatorPort;
  private @Nullable LocalCredentials credentials;
  private @Nullable LocalKafka kafka;

  LocalPlatform(Path home, int adminPort, int kafkaPort, int evaluatorPort) {
    this.home = home;
    this.adminPort = adminPort;
    this.kafkaPort = kafkaPort;
    this.evaluatorPort = evaluatorPort;
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("flagstream.home", ".flagstream")).toAbsolutePath();
    LocalPlatform platform =
        new LocalPlatform(
            home,
            Integer.getInteger("flagstream.admin.port", 3001),
            Integer.getInteger("flagstream.kafka.port", 9092),
            Integer.getInteger("flagstream.evaluator.port", 3002));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-flagstream"));
    platform.start();
    System.out.println(platform.banner());
  }

  void start() {
    LocalCredentials credentials = LocalCredentials.loadOrCreate(home);
    this.credentials = credentials;
    LocalPostgres postgres =
        LocalPostgres.builder()
            .dataDirectory(home.resolve("postgres"))
            .durable(true)
            // Bounds what a stopped or failing capture can make PostgreSQL keep: months of local
            // changes, yet never more than this of the disk. See docs/change-data-capture.md.
            .maxSlotWalKeepSize("1GB")
            .start();
    running.push(postgres);
    String database = postgres.createDatabaseIfMissing("flagstream");
    LocalKafka kafka =
        LocalKafka.builder().dataDirectory(home.resolve("kafka")).port(kafkaPort).start();
    this.kafka = kafka;
    running.push(kafka);
    ConfigurableApplicationContext admin =
        new SpringApplicationBuilder(AdminApplication.class)
            .registerShutdownHook(false)
            .run(
                "--server.port=" + adminPort,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--flags.bootstrap.admin.email=" + credentials.email(),
                "--flags.bootstrap.admin.password=" + credentials.password(),
                "--flags.bootstrap.token=" + credentials.token(),
                // a developer's machine on loopback: the printed token keeps working for a year,
                // and the session cookie travels over plain http://localhost
                "--flags.bootstrap.token-expires-in=365d",
                "--flags.session.secure-cookies=false",
                "--flags.keys.server=" + credentials.serverKey(),
                "--flags.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                // one local broker: the topic gets one replica
                "--flags.kafka.replication-factor=1");
    running.push(admin);
    ConfigurableApplicationContext evaluator =
        EvaluatorApplication.builder()
            .registerShutdownHook(false)
            .run(
                "--server.port=" + evaluatorPort,
                "--flags.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--flags.admin-url=http://localhost:" + adminPort,
                "--flags.admin-server-key=" + credentials.serverKey(),
                "--flags.keys.server=" + credentials.serverKey(),
                "--flags.keys.client=" + credentials.clientKey(),
                "--flags.cors.allowed-origins=http://localhost:5173,http://localhost:3000");
    running.push(evaluator);
  }

  String banner() {
    LocalCredentials credentials = requireNonNull(this.credentials, "start() first");
    LocalKafka kafka = requireNonNull(this.kafka, "start() first");
    String admin = "http://localhost:" + adminPort;
    String evaluator = "http://localhost:" + evaluatorPort;
    return String.join(
        "\n",
        "",
        "  Flagstream is running (data in " + home + ")",
        "",
        "    admin service   " + admin + "   health: " + admin + "/health/ready",
        "    evaluator       " + evaluator + "   health: " + evaluator + "/health/ready",
        "    kafka           " + kafka.bootstrapServers() + "   topic: flagstream.flags",
        "    sign in         " + credentials.email() + " / " + credentials.password(),
        "    API token       " + credentials.token(),
        "    SDK keys        server "
            + credentials.serverKey()
            + "   client "
            + credentials.clientKey(),
        "",
        "    curl -H 'Authorization: Bearer "
            + credentials.token()
            + "' "
            + admin
            + "/api/admin/flags",
        "    curl -H 'Authorization: Bearer "
            + credentials.serverKey()
            + "' '"
            + evaluator
            + "/api/flags/<flag>/evaluation?userId=123'",
        "",
        "  Ctrl-C stops everything; the data stays for the next run.",
        "");
  }

  @Override
  public synchronized void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("Stopping a part of the platform failed: " + e);
      }
    }
  }
}
