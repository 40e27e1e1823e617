package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The flag topic's durability, set on creation and checked on every start (finding M7). */
class FlagTopicCheckIT {
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final Admin admin =
      Admin.create(
          Map.of(
              AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.broker().bootstrapServers()));

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  private static String topic() {
    return "flags-check-" + UUID.randomUUID();
  }

  private static FlagTopicProperties configured(String topic, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put("flags.kafka.topic", topic);
    settings.put("flags.kafka.bootstrap-servers", TestKafka.broker().bootstrapServers());
    return CdcPropertiesTest.topic(settings);
  }

  private void create(String topic, Map<String, String> configs) throws Exception {
    admin
        .createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs)))
        .all()
        .get(ANSWER.toSeconds(), TimeUnit.SECONDS);
  }

  private Config configOf(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get(ANSWER.toSeconds(), TimeUnit.SECONDS)
        .get(resource);
  }

  private void alter(String topic, String name, String value) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Map<ConfigResource, Collection<AlterConfigOp>> change =
        Map.of(
            resource,
            List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
    admin.incrementalAlterConfigs(change).all().get(ANSWER.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aNewTopic_isCompacted_withMinInsyncReplicas_andNoUncleanElection() throws Exception {
    String topic = topic();
    TopicVerdict verdict =
        FlagTopicCheck.ensure(
            admin, configured(topic, Map.of("flags.kafka.replication-factor", "1")), ANSWER);

    assertThat(verdict.refusal()).isNull();
    assertThat(verdict.weaknesses()).isEmpty();
    Config config = configOf(topic);
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
    assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
    assertThat(config.get("segment.bytes").value())
        .as("segments close, so that compaction cleans them")
        .isEqualTo(Long.toString(16L * 1024 * 1024));
  }

  @Test
  void theProductionDefault_refusesToCreateATopicWithFewerReplicasThanAsked() {
    assertThatThrownBy(() -> FlagTopicCheck.ensure(admin, configured(topic(), Map.of()), ANSWER))
        .as("three replicas on a one-broker cluster")
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(InvalidReplicationFactorException.class);
  }

  @Test
  void anExistingTopic_thatWouldAgeFlagsOut_isRefused_andAWeakOne_reported() throws Exception {
    String deleting = topic();
    create(deleting, Map.of("cleanup.policy", "compact,delete"));
    assertThat(
            FlagTopicCheck.ensure(
                    admin,
                    configured(deleting, Map.of("flags.kafka.replication-factor", "1")),
                    ANSWER)
                .refusal())
        .contains("cleanup.policy=compact,delete");

    String weak = topic();
    create(weak, Map.of("cleanup.policy", "compact", "unclean.leader.election.enable", "true"));
    TopicVerdict verdict = FlagTopicCheck.ensure(admin, configured(weak, Map.of()), ANSWER);
    assertThat(verdict.refusal()).isNull();
    assertThat(verdict.weaknesses())
        .anySatisfy(w -> assertThat(w).contains("1 replica(s)"))
        .anySatisfy(w -> assertThat(w).contains("min.insync.replicas=1"))
        .anySatisfy(w -> assertThat(w).contains("unclean leader election"));
  }

  @Test
  void theAdmin_publishesNothingToATopicThatWouldLoseFlags_andSaysWhy() throws Exception {
    String topic = topic();
    create(
        topic,
        Map.of("cleanup.policy", "compact,delete", "unclean.leader.election.enable", "true"));
    try (ConfigurableApplicationContext context =
            new SpringApplicationBuilder(AdminApplication.class)
                .run(
                    "--server.port=0",
                    "--spring.datasource.url="
                        + TestDatabase.server().createDatabaseIfMissing("cdc_topic_check"),
                    "--spring.datasource.username=" + LocalPostgres.USER,
                    "--spring.datasource.password=",
                    "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
                    "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
                    "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
                    "--flags.cdc.slot-name=topic_check_it",
                    "--flags.cdc.handover-pause=1s",
                    "--flags.cdc.max-restart-backoff=1s",
                    "--flags.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers(),
                    "--flags.kafka.topic=" + topic,
                    "--flags.kafka.replication-factor=1");
        FlagTopicReader reader =
            new FlagTopicReader(TestKafka.broker().bootstrapServers(), topic)) {
      Api api =
          new Api(((WebServerApplicationContext) context).getWebServer().getPort())
              .as(TestAccounts.ADMIN_TOKEN);
      String name = "refused-" + UUID.randomUUID().toString().substring(0, 6);
      assertThat(api.post("/api/admin/flags", "{\"name\":\"" + name + "\"}").status())
          .isEqualTo(201);
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () -> {
                var capture = api.get("/health/capture");
                assertThat(capture.status()).isEqualTo(503);
                assertThat(capture.json().at("/components/cdc/details/reasons").toString())
                    .contains("cleanup.policy=compact,delete");
              });
      reader.poll();
      assertThat(reader.eventsOf(name)).as("nothing was published to it").isEmpty();

      alter(topic, "cleanup.policy", "compact");
      reader.untilAsserted(WITHIN, read -> assertThat(read.replay().get(name)).isNotNull());
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () -> {
                var capture = api.get("/health/capture");
                assertThat(capture.status()).as("degraded still serves").isEqualTo(200);
                JsonNode cdc = capture.json().at("/components/cdc");
                assertThat(cdc.at("/status").asString()).isEqualTo("DEGRADED");
                assertThat(cdc.at("/details/reasons").toString())
                    .contains("unclean leader election");
                assertThat(capture.json().at("/status").asString()).isEqualTo("DEGRADED");
              });
    }
  }
}
