package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The capture's settings: defaults safe in production, nonsense refused at start-up. */
class CdcPropertiesTest {

  static CdcProperties defaults() {
    return bind(Map.of(), "flags.cdc", CdcProperties.class);
  }

  static FlagTopicProperties topic(Map<String, String> settings) {
    return bind(settings, "flags.kafka", FlagTopicProperties.class);
  }

  private static <T> T bind(Map<String, String> settings, String prefix, Class<T> type) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
  }

  @Test
  void newTopics_getThreeReplicas_andTwoMustHaveEveryChange() {
    FlagTopicProperties kafka = topic(Map.of());
    assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
    assertThat(kafka.minInsyncReplicas()).isEqualTo(2);
    assertThat(kafka.properties()).isEmpty();
    assertThat(kafka.segmentSize()).isEqualTo(DataSize.ofMegabytes(16));
  }

  @Test
  void aSingleLocalBroker_isOneExplicitSetting() {
    FlagTopicProperties local = topic(Map.of("flags.kafka.replication-factor", "1"));
    assertThat(local.minInsyncReplicas()).as("follows the replication factor").isEqualTo(1);
  }

  @Test
  void clientSettings_bindWithTheirDots_asKafkaNamesThem() {
    FlagTopicProperties kafka =
        topic(
            Map.of(
                "flags.kafka.properties[security.protocol]", "SASL_SSL",
                "flags.kafka.properties[sasl.mechanism]", "SCRAM-SHA-512"));
    assertThat(kafka.properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void clientSettings_bindFromEnvironmentVariables_too() {
    SystemEnvironmentPropertySource environment =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "FLAGS_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
                "FLAGS_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                "FLAGS_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "Login required;"));
    FlagTopicProperties kafka =
        new Binder(ConfigurationPropertySources.from(environment))
            .bindOrCreate("flags.kafka", FlagTopicProperties.class);
    assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9093");
    assertThat(kafka.properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "Login required;");
  }

  @Test
  void impossibleTopicSettings_areRefused() {
    assertThatThrownBy(
            () ->
                topic(
                    Map.of(
                        "flags.kafka.replication-factor", "1",
                        "flags.kafka.min-insync-replicas", "2")))
        .hasRootCauseMessage(
            "flags.kafka.min-insync-replicas (2) above flags.kafka.replication-factor (1) would"
                + " refuse every change");
    assertThatThrownBy(() -> topic(Map.of("flags.kafka.replication-factor", "0")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> topic(Map.of("flags.kafka.segment-size", "512KB")))
        .hasRootCauseMessage("flags.kafka.segment-size must be between 1MB and 2GB, not 524288B");
    assertThatThrownBy(() -> topic(Map.of("flags.kafka.segment-size", "3GB")))
        .hasRootCauseMessage(
            "flags.kafka.segment-size must be between 1MB and 2GB, not 3221225472B");
    assertThat(topic(Map.of("flags.kafka.segment-size", "1MB")).segmentSize())
        .isEqualTo(DataSize.ofMegabytes(1));
  }

  @Test
  void theEngine_handsBatchesOverAsSet_andItsQueueAlwaysHoldsMoreThanABatch() {
    CaptureDatabase database = new CaptureDatabase("jdbc:postgresql://db/flags", "app", "pw");
    assertThat(CaptureEngine.config(defaults(), database))
        .containsEntry("poll.interval.ms", "10")
        .containsEntry("max.batch.size", "2048")
        .containsEntry("max.queue.size", "8192");
    CdcProperties oneAtATime =
        bind(
            Map.of("flags.cdc.max-batch-size", "1", "flags.cdc.poll-interval", "5ms"),
            "flags.cdc",
            CdcProperties.class);
    assertThat(CaptureEngine.config(oneAtATime, database))
        .containsEntry("poll.interval.ms", "5")
        .containsEntry("max.batch.size", "1")
        .containsEntry("max.queue.size", "8192");
    CdcProperties large =
        bind(Map.of("flags.cdc.max-batch-size", "5000"), "flags.cdc", CdcProperties.class);
    assertThat(CaptureEngine.config(large, database)).containsEntry("max.queue.size", "20000");
    assertThatThrownBy(
            () -> bind(Map.of("flags.cdc.max-batch-size", "0"), "flags.cdc", CdcProperties.class))
        .hasRootCauseMessage("flags.cdc.max-batch-size must be at least 1");
  }

  @Test
  void capture_handsOverAfterThreeFailures_andItsLockLapsesWithinTenSeconds() {
    CdcProperties cdc = defaults();
    assertThat(cdc.failuresBeforeHandover()).isEqualTo(3);
    assertThat(cdc.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cdc.username()).as("the datasource's unless set").isNull();
    assertThatThrownBy(
            () -> bind(Map.of("flags.cdc.lock-timeout", "1s"), "flags.cdc", CdcProperties.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                bind(
                    Map.of("flags.cdc.failures-before-handover", "0"),
                    "flags.cdc",
                    CdcProperties.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }
}
