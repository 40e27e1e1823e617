package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka settings pass through to every client; the guarantees' own settings win (finding H1). */
class KafkaClientsTest {
  private static final Map<String, String> SECURE_AND_WEAKENED =
      Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
          "ssl.truststore.location", "/etc/kafka/truststore.p12",
          "bootstrap.servers", "elsewhere:9092",
          "acks", "1",
          "enable.idempotence", "false",
          "transactional.id", "zombie",
          "group.id", "shared",
          "linger.ms", "5");

  private static FlagTopicProperties kafka() {
    Map<String, String> settings = new HashMap<>();
    settings.put("flags.kafka.bootstrap-servers", "kafka-1:9093");
    SECURE_AND_WEAKENED.forEach(
        (name, value) -> settings.put("flags.kafka.properties[" + name + "]", value));
    return CdcPropertiesTest.topic(settings);
  }

  @Test
  void securitySettings_reachTheProducerTheAdminClientAndTheReader() {
    for (Map<String, Object> config :
        List.of(
            KafkaClients.producer(kafka(), Duration.ofSeconds(30)),
            KafkaClients.admin(kafka()),
            KafkaClients.topicReader(kafka()))) {
      assertThat(config)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
          .containsKey("sasl.jaas.config")
          .as("flags.kafka.bootstrap-servers wins")
          .containsEntry("bootstrap.servers", "kafka-1:9093");
    }
  }

  @Test
  void theProducersGuarantees_cannotBeWeakened() {
    Map<String, Object> producer = KafkaClients.producer(kafka(), Duration.ofSeconds(30));
    assertThat(producer)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("max.in.flight.requests.per.connection", 5)
        .containsEntry("retries", Integer.MAX_VALUE)
        .containsEntry("delivery.timeout.ms", 30_000)
        .containsEntry("max.block.ms", 30_000)
        .doesNotContainKey("transactional.id")
        .as("tuning is the operator's")
        .containsEntry("linger.ms", "5");
  }

  @Test
  void theReader_keepsNoGroupAndNoOffsets() {
    assertThat(KafkaClients.topicReader(kafka()))
        .doesNotContainKey("group.id")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest");
  }

  @Test
  void withoutPassThrough_theClientsGetTheirDefaults() {
    FlagTopicProperties plain = CdcPropertiesTest.topic(Map.of());
    assertThat(KafkaClients.producer(plain, Duration.ofMillis(500)))
        .containsEntry("linger.ms", 0)
        .containsEntry("client.id", "flagstream-cdc")
        .as("never below 2 s")
        .containsEntry("delivery.timeout.ms", 2_000);
    assertThat(KafkaClients.admin(plain))
        .containsEntry("client.id", "flagstream-admin")
        .as("no tight re-bootstrap loop while Kafka is away")
        .containsEntry("retry.backoff.ms", 1_000);
    assertThat(KafkaClients.maxRequestBytes(Map.of())).isEqualTo(1_048_576);
    assertThat(KafkaClients.maxRequestBytes(Map.of("max.request.size", "2000000")))
        .isEqualTo(2_000_000);
  }
}
