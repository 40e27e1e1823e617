package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two admin replicas: only the one holding the capture lock publishes; when it is killed, the other
 * takes over within seconds and nothing is lost.
 */
class CaptureFailoverIT {
  private static final String TOPIC = "flags-failover-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(60);

  private final String database = TestDatabase.server().createDatabaseIfMissing("cdc_failover");

  private List<String> arguments(int port) {
    return List.of(
        "--server.port=" + port,
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + LocalPostgres.USER,
        "--spring.datasource.password=",
        "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
        "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
        "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
        "--flags.cdc.slot-name=failover_it",
        "--flags.cdc.leader-retry-interval=500ms",
        "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
        "--flags.kafka.topic=" + TOPIC);
  }

  private static String role(Api api) {
    var health = api.get("/health");
    return health.status() == 0
        ? ""
        : health.json().at("/components/cdc/details/role").asString("");
  }

  @Test
  void onlyTheLockHolderPublishes_andAKilledOneIsReplacedWithoutLoss(@TempDir Path logs)
      throws Exception {
    int leaderPort = freePort();
    Process leader = startReplicaProcess(leaderPort, logs.resolve("leader.log"));
    try {
      Api leaderApi = new Api(leaderPort).as(TestAccounts.ADMIN_TOKEN);
      await().atMost(WITHIN).ignoreExceptions().until(() -> role(leaderApi).equals("CAPTURING"));

      try (ConfigurableApplicationContext follower =
              new SpringApplicationBuilder(AdminApplication.class)
                  .run(arguments(0).toArray(String[]::new));
          FlagTopicReader topic =
              new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
        Api followerApi =
            new Api(((WebServerApplicationContext) follower).getWebServer().getPort())
                .as(TestAccounts.ADMIN_TOKEN);
        await().atMost(WITHIN).until(() -> role(followerApi).equals("STANDBY"));
        CaptureStatus followerStatus = follower.getBean(CaptureStatus.class);

        JdbcClient jdbc = JdbcClient.create(follower.getBean(javax.sql.DataSource.class));
        String name = "failover-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("INSERT INTO feature_flags (name) VALUES (?)").param(name).update();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          if (i == 20) {
            leader.destroyForcibly().waitFor();
          }
          versions.add(
              jdbc.sql(
                      "UPDATE feature_flags SET rollout_percentage = ? WHERE name = ? RETURNING version")
                  .params(i, name)
                  .query(Long.class)
                  .single());
          if (i < 20) {
            assertThat(followerStatus.role())
                .as("while the leader lives, the follower only stands by")
                .isEqualTo(CaptureStatus.Role.STANDBY);
          }
        }
        await().atMost(WITHIN).until(() -> role(followerApi).equals("CAPTURING"));
        await()
            .atMost(WITHIN)
            .untilAsserted(
                () -> {
                  topic.poll();
                  Set<Long> published =
                      topic.eventsOf(name).stream()
                          .map(FlagChangeEvent::version)
                          .collect(Collectors.toSet());
                  assertThat(published).containsAll(versions);
                  assertThat(topic.replay().get(name).rolloutPercentage()).isEqualTo(39);
                });
      }
    } finally {
      leader.destroyForcibly();
    }
  }

  @Test
  void aStandbyReplica_publishesNothing() throws Exception {
    // The lock is held by this test's own connection, standing in for another replica.
    try (CaptureLeadership other =
        new CaptureLeadership(
            database, LocalPostgres.USER, "", "flagstream-cdc:failover_standby")) {
      assertThat(other.tryAcquire()).isTrue();
      List<String> args = new ArrayList<>(arguments(0));
      args.set(
          args.indexOf("--flags.cdc.slot-name=failover_it"),
          "--flags.cdc.slot-name=failover_standby");
      try (ConfigurableApplicationContext replica =
          new SpringApplicationBuilder(AdminApplication.class).run(args.toArray(String[]::new))) {
        CaptureStatus status = replica.getBean(CaptureStatus.class);
        await().atMost(WITHIN).until(() -> status.role() == CaptureStatus.Role.STANDBY);
        assertThat(
                JdbcClient.create(replica.getBean(javax.sql.DataSource.class))
                    .sql(
                        "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'failover_standby'")
                    .query(Long.class)
                    .single())
            .as("a standby does not even open the replication slot")
            .isZero();
        other.release();
        await().atMost(WITHIN).until(() -> status.role() == CaptureStatus.Role.CAPTURING);
      }
    }
  }

  private Process startReplicaProcess(int port, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AdminApplication.class.getName());
    command.addAll(arguments(port));
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(new File(log.toString()))
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
