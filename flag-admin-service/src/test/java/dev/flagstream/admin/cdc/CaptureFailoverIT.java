package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.ReplicaProcess;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two admin replicas: only the one holding the capture lock publishes; when it is killed, frozen or
 * keeps failing, another takes over within seconds and nothing is lost (findings M10, H7).
 */
class CaptureFailoverIT {
  private static final String TOPIC = "flags-failover-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(60);

  /** The takeover bound documented for the default lock timeout of 10 s. */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);

  private final String database = TestDatabase.server().createDatabaseIfMissing("cdc_failover");

  private List<String> arguments(String slot) {
    return List.of(
        "--server.port=0",
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + LocalPostgres.USER,
        "--spring.datasource.password=",
        "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
        "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
        "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
        "--flags.cdc.slot-name=" + slot,
        "--flags.cdc.leader-retry-interval=500ms",
        "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
        "--flags.kafka.topic=" + TOPIC,
        "--flags.kafka.replication-factor=1");
  }

  private static String role(Api api) {
    var health = api.get("/health");
    return health.status() == 0
        ? ""
        : health.json().at("/components/cdc/details/role").asString("");
  }

  private static double published(Api api) {
    return api.get("/metrics/flagstream.cdc.records.published")
        .json()
        .at("/measurements/0/value")
        .asDouble();
  }

  private static ConfigurableApplicationContext startReplica(List<String> arguments) {
    return new SpringApplicationBuilder(AdminApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext replica) {
    return new Api(((WebServerApplicationContext) replica).getWebServer().getPort())
        .as(TestAccounts.ADMIN_TOKEN);
  }

  private static long update(JdbcClient jdbc, String name, int rollout) {
    return jdbc.sql(
            "UPDATE feature_flags SET rollout_percentage = ? WHERE name = ? RETURNING version")
        .params(rollout, name)
        .query(Long.class)
        .single();
  }

  private static Set<Long> publishedVersions(FlagTopicReader topic, String name) {
    topic.poll();
    return topic.eventsOf(name).stream().map(FlagChangeEvent::version).collect(Collectors.toSet());
  }

  @Test
  void onlyTheLockHolderPublishes_andAKilledOneIsReplacedWithoutLoss(@TempDir Path logs)
      throws Exception {
    try (ReplicaProcess leader =
        ReplicaProcess.start(arguments("failover_it"), logs.resolve("leader.log"))) {
      Api leaderApi = new Api(leader.port()).as(TestAccounts.ADMIN_TOKEN);
      await().atMost(WITHIN).ignoreExceptions().until(() -> role(leaderApi).equals("CAPTURING"));

      try (ConfigurableApplicationContext follower = startReplica(arguments("failover_it"));
          FlagTopicReader topic =
              new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
        Api followerApi = api(follower);
        await().atMost(WITHIN).until(() -> role(followerApi).equals("STANDBY"));
        CaptureStatus followerStatus = follower.getBean(CaptureStatus.class);

        JdbcClient jdbc = JdbcClient.create(follower.getBean(DataSource.class));
        String name = "failover-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("INSERT INTO feature_flags (name) VALUES (?)").param(name).update();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          if (i == 20) {
            leader.kill();
          }
          versions.add(update(jdbc, name, i));
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
                  assertThat(publishedVersions(topic, name)).containsAll(versions);
                  assertThat(topic.replay().get(name).rolloutPercentage()).isEqualTo(39);
                });
      }
    }
  }

  @Test
  void aFrozenLeader_isReplacedWithinTheBound_andPublishesNothingOnceThawed(@TempDir Path logs)
      throws Exception {
    List<String> arguments = new ArrayList<>(arguments("frozen_it"));
    // Heartbeats only every minute, so that the leader's count of published records stands
    // still while the test reads it just before the freeze.
    arguments.add("--flags.cdc.heartbeat-interval=60s");
    try (ReplicaProcess leader = ReplicaProcess.start(arguments, logs.resolve("leader.log"))) {
      Api leaderApi = new Api(leader.port()).as(TestAccounts.ADMIN_TOKEN);
      await().atMost(WITHIN).ignoreExceptions().until(() -> role(leaderApi).equals("CAPTURING"));

      try (ConfigurableApplicationContext follower = startReplica(arguments);
          FlagTopicReader topic =
              new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
        Api followerApi = api(follower);
        await().atMost(WITHIN).until(() -> role(followerApi).equals("STANDBY"));
        JdbcClient jdbc = JdbcClient.create(follower.getBean(DataSource.class));
        String name = "frozen-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("INSERT INTO feature_flags (name) VALUES (?)").param(name).update();
        List<Long> versions = new ArrayList<>();
        versions.add(update(jdbc, name, 1));
        await().atMost(WITHIN).until(() -> publishedVersions(topic, name).containsAll(versions));
        double publishedByTheLeader = published(leaderApi);

        leader.freeze();
        long frozenAt = System.nanoTime();
        long whileFrozen = update(jdbc, name, 2);
        versions.add(whileFrozen);
        await()
            .atMost(TAKEOVER_BOUND)
            .untilAsserted(() -> assertThat(publishedVersions(topic, name)).contains(whileFrozen));
        System.out.printf(
            "%nA change made while the leader was frozen was published %d ms after the freeze%n%n",
            Duration.ofNanos(System.nanoTime() - frozenAt).toMillis());
        assertThat(role(followerApi)).isEqualTo("CAPTURING");

        leader.thaw();
        await().atMost(WITHIN).until(() -> role(leaderApi).equals("STANDBY"));
        for (int rollout = 3; rollout <= 10; rollout++) {
          versions.add(update(jdbc, name, rollout));
        }
        await()
            .atMost(WITHIN)
            .untilAsserted(
                () -> {
                  assertThat(publishedVersions(topic, name)).containsAll(versions);
                  assertThat(topic.replay().get(name).rolloutPercentage()).isEqualTo(10);
                });
        assertThat(published(leaderApi))
            .as("the thawed leader published nothing it still had in hand")
            .isEqualTo(publishedByTheLeader);
        assertThat(role(followerApi)).isEqualTo("CAPTURING");
      }
    }
  }

  @Test
  void aLeaderThatKeepsFailing_givesTheLockUp_toAHealthyReplica() {
    List<String> healthy = new ArrayList<>(arguments("handover_it"));
    List<String> broken = new ArrayList<>(healthy);
    broken.replaceAll(
        argument ->
            argument.startsWith("--flags.kafka.bootstrap-servers=")
                ? "--flags.kafka.bootstrap-servers=localhost:" + ReplicaProcess.freePort()
                : argument);
    broken.addAll(
        List.of(
            "--flags.cdc.failures-before-handover=2",
            "--flags.cdc.handover-pause=5m",
            "--flags.cdc.publish-timeout=2s",
            "--flags.cdc.max-restart-backoff=500ms"));
    try (ConfigurableApplicationContext failing = startReplica(broken)) {
      CaptureStatus failingStatus = failing.getBean(CaptureStatus.class);
      await().atMost(WITHIN).until(() -> failingStatus.role() == CaptureStatus.Role.FAILING);
      try (ConfigurableApplicationContext replica = startReplica(healthy);
          FlagTopicReader topic =
              new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
        CaptureStatus status = replica.getBean(CaptureStatus.class);
        await().atMost(WITHIN).until(() -> status.role() == CaptureStatus.Role.CAPTURING);
        assertThat(failingStatus.role()).isEqualTo(CaptureStatus.Role.HANDED_OVER);
        assertThat(role(api(failing))).as("its health says it gave up").isEqualTo("HANDED_OVER");

        JdbcClient jdbc = JdbcClient.create(replica.getBean(DataSource.class));
        String name = "handover-" + UUID.randomUUID().toString().substring(0, 6);
        long version =
            jdbc.sql("INSERT INTO feature_flags (name) VALUES (?) RETURNING version")
                .param(name)
                .query(Long.class)
                .single();
        await()
            .atMost(WITHIN)
            .untilAsserted(() -> assertThat(publishedVersions(topic, name)).contains(version));
      }
    }
  }

  @Test
  void aStandbyReplica_publishesNothing() throws Exception {
    // The lock is held by this test's own connection, standing in for another replica.
    try (CaptureLeadership other =
        new CaptureLeadership(
            new CaptureDatabase(database, LocalPostgres.USER, ""),
            "flagstream-cdc:failover_standby",
            Duration.ofSeconds(10))) {
      assertThat(other.tryAcquire()).isTrue();
      try (ConfigurableApplicationContext replica = startReplica(arguments("failover_standby"))) {
        CaptureStatus status = replica.getBean(CaptureStatus.class);
        await().atMost(WITHIN).until(() -> status.role() == CaptureStatus.Role.STANDBY);
        assertThat(
                JdbcClient.create(replica.getBean(DataSource.class))
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
}
