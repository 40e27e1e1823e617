package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.LocalKafka;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The capture signs in to Kafka with the settings under {@code flags.kafka.properties}, and the
 * broker's ACLs let the admin's principal alone write the flag topic (finding H1).
 */
class KafkaSaslIT {
  private static final String ADMIN_USER = "flagstream-admin";
  private static final String ADMIN_PASSWORD = "admin-secret";
  private static final String TOPIC = "flags-sasl-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final LocalKafka KAFKA =
      LocalKafka.builder()
          .saslUser(ADMIN_USER, ADMIN_PASSWORD)
          .saslUser("evaluator", "evaluator-secret")
          .saslUser("reader", "reader-secret")
          .start();

  static {
    // What docs/change-data-capture.md asks of production ACLs, and no more.
    KAFKA.grant(
        ADMIN_USER,
        TOPIC,
        AclOperation.CREATE,
        AclOperation.DESCRIBE,
        AclOperation.DESCRIBE_CONFIGS,
        AclOperation.WRITE,
        AclOperation.READ);
    KAFKA.grant("evaluator", TOPIC, AclOperation.DESCRIBE, AclOperation.READ);
    // An admin whose principal may check and read the topic but not write it.
    KAFKA.grant(
        "reader", TOPIC, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ);
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  private static ConfigurableApplicationContext admin(String database, List<String> kafka) {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "--server.port=0",
            "--spring.datasource.url=" + TestDatabase.server().createDatabaseIfMissing(database),
            "--spring.datasource.username=" + LocalPostgres.USER,
            "--spring.datasource.password=",
            "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
            "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
            "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
            "--flags.cdc.slot-name=" + database,
            "--flags.cdc.publish-timeout=5s",
            "--flags.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
            "--flags.kafka.topic=" + TOPIC,
            "--flags.kafka.replication-factor=1"));
    arguments.addAll(kafka);
    return new SpringApplicationBuilder(AdminApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static List<String> signedInAs(String user, String password) {
    List<String> arguments = new ArrayList<>();
    KAFKA
        .clientProperties(ADMIN_USER)
        .forEach(
            (name, value) ->
                arguments.add(
                    "--flags.kafka.properties["
                        + name
                        + "]="
                        + (name.equals("sasl.jaas.config")
                            ? value
                                .toString()
                                .replace(ADMIN_USER, user)
                                .replace(ADMIN_PASSWORD, password)
                            : value)));
    return arguments;
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort())
        .as(TestAccounts.ADMIN_TOKEN);
  }

  @Test
  void theAdminPublishesThroughSasl_andOnlyItsPrincipalMayWrite() throws Exception {
    try (ConfigurableApplicationContext admin =
            admin("cdc_sasl", signedInAs(ADMIN_USER, ADMIN_PASSWORD));
        FlagTopicReader evaluator =
            new FlagTopicReader(
                KAFKA.bootstrapServers(), TOPIC, KAFKA.clientProperties("evaluator"))) {
      Api api = api(admin);
      String name = "sasl-" + UUID.randomUUID().toString().substring(0, 6);
      assertThat(api.post("/api/admin/flags", "{\"name\":\"" + name + "\"}").status())
          .isEqualTo(201);
      evaluator.untilAsserted(WITHIN, read -> assertThat(read.replay().get(name)).isNotNull());
      await()
          .atMost(WITHIN)
          .untilAsserted(() -> assertThat(api.get("/health/capture").status()).isEqualTo(200));

      Map<String, Object> forger = new HashMap<>(KAFKA.clientProperties("evaluator"));
      forger.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
      forger.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
      forger.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
      forger.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(forger, new StringSerializer(), new StringSerializer())) {
        assertThatThrownBy(
                () ->
                    producer
                        .send(new ProducerRecord<>(TOPIC, name, "{\"forged\":true}"))
                        .get(10, TimeUnit.SECONDS))
            .as("a reader cannot forge flag changes")
            .hasCauseInstanceOf(AuthorizationException.class);
      }
    }
  }

  /**
   * Regression: a run counted as progress once it had sent a change, so a leader whose changes
   * Kafka refused restarted for ever instead of giving the lock up to a healthy replica.
   */
  @Test
  void aLeaderWhoseChangesKafkaRefuses_givesTheLockUp() throws Exception {
    Map<String, Object> creator = new HashMap<>(KAFKA.clientProperties(ADMIN_USER));
    creator.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    try (Admin kafka = Admin.create(creator)) {
      try {
        kafka
            .createTopics(
                List.of(
                    new NewTopic(TOPIC, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
            .all()
            .get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e).hasCauseInstanceOf(TopicExistsException.class);
      }
    }
    List<String> arguments = new ArrayList<>(signedInAs("reader", "reader-secret"));
    arguments.addAll(
        List.of(
            "--flags.cdc.failures-before-handover=2",
            "--flags.cdc.handover-pause=5m",
            "--flags.cdc.max-restart-backoff=500ms"));
    try (ConfigurableApplicationContext admin = admin("cdc_sasl_read_only", arguments)) {
      CaptureStatus status = admin.getBean(CaptureStatus.class);
      await().atMost(WITHIN).until(() -> status.role() == CaptureStatus.Role.HANDED_OVER);
      assertThat(status.progress()).as("Kafka acknowledged nothing").isZero();
    }
  }

  @Test
  void anAdminWithoutCredentials_isRefused_andSaysSoInItsCaptureHealth() {
    try (ConfigurableApplicationContext admin = admin("cdc_sasl_refused", List.of())) {
      Api api = api(admin);
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () -> {
                var capture = api.get("/health/capture");
                assertThat(capture.status()).isEqualTo(503);
                JsonNode health = capture.json();
                assertThat(health.at("/components/kafka/status").asString()).isEqualTo("DOWN");
                assertThat(health.at("/components/cdc/status").asString()).isEqualTo("DOWN");
                assertThat(health.at("/components/cdc/details/role").asString())
                    .isIn("FAILING", "HANDED_OVER");
              });
      assertThat(api.get("/health/ready").status()).as("the API itself serves").isEqualTo(200);
    }
    try (ConfigurableApplicationContext wrong =
        admin("cdc_sasl_refused", signedInAs(ADMIN_USER, "guessed"))) {
      Api api = api(wrong);
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(
                          api.get("/health/capture").json().at("/components/cdc/status").asString())
                      .as("a wrong password is refused")
                      .isEqualTo("DOWN"));
    }
  }
}
