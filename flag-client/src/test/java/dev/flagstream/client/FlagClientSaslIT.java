package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.local.infrastructure.LocalKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The client reads a flag topic that only authenticated, authorized principals may read, with the
 * security settings given through {@link FlagClientBuilder#kafkaProperty(String, Object)}.
 */
class FlagClientSaslIT {
  private static final String TOPIC = "flags-sasl";
  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final LocalKafka KAFKA =
      LocalKafka.builder()
          .saslUser("flagstream-admin", "admin-secret")
          .saslUser("evaluator", "evaluator-secret")
          .saslUser("stranger", "stranger-secret")
          .start();

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  private static Map<String, Object> settings(String user) {
    Map<String, Object> settings = new HashMap<>(KAFKA.clientProperties(user));
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    return settings;
  }

  private static FlagClient clientAs(String user) {
    FlagClientBuilder builder =
        FlagClient.builder()
            .kafka(KAFKA.bootstrapServers())
            .topic(TOPIC)
            .startupTimeout(Duration.ofSeconds(3));
    KAFKA.clientProperties(user).forEach(builder::kafkaProperty);
    return builder.build();
  }

  @Test
  void anAuthorizedReader_getsTheFlags_othersDoNot() throws Exception {
    try (Admin admin = Admin.create(settings("flagstream-admin"))) {
      KAFKA.grant(
          "flagstream-admin",
          TOPIC,
          AclOperation.CREATE,
          AclOperation.WRITE,
          AclOperation.DESCRIBE);
      KAFKA.grant("evaluator", TOPIC, AclOperation.READ, AclOperation.DESCRIBE);
      admin
          .createTopics(
              List.of(
                  new NewTopic(TOPIC, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Flag flag =
        Flag.builder("secure-checkout").enabled(true).rolloutPercentage(100).version(1).build();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            settings("flagstream-admin"), new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  TOPIC,
                  flag.name(),
                  FlagChangeJson.toBytes(FlagChangeEvent.upsert(flag, 1, Instant.now()))))
          .get(30, TimeUnit.SECONDS);
    }

    try (FlagClient evaluator = clientAs("evaluator")) {
      assertThat(evaluator.awaitReady(WITHIN)).isTrue();
      assertThat(evaluator.status()).isEqualTo(ClientStatus.READY);
      assertThat(evaluator.isEnabled("secure-checkout", "user-1")).isTrue();
    }
    try (FlagClient stranger = clientAs("stranger")) {
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(stranger.status())
                      .as("a principal without READ gets nothing")
                      .isEqualTo(ClientStatus.ERROR));
      assertThat(stranger.flag("secure-checkout")).isNull();
    }
    try (FlagClient anonymous =
        FlagClient.builder()
            .kafka(KAFKA.bootstrapServers())
            .topic(TOPIC)
            .startupTimeout(Duration.ofSeconds(3))
            .build()) {
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(anonymous.status())
                      .as("without credentials the broker lets nothing through")
                      .isEqualTo(ClientStatus.ERROR));
      assertThat(anonymous.flag("secure-checkout")).isNull();
    }
  }
}
