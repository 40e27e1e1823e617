package dev.flagstream.evaluator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class StorePropertiesTest {

  private static StoreProperties bind(
      Map<String, Object> properties, Map<String, Object> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().addFirst(new MapPropertySource("test", properties));
    spring
        .getPropertySources()
        .addLast(
            new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment));
    return new Binder(ConfigurationPropertySources.get(spring))
        .bindOrCreate("flags", StoreProperties.class);
  }

  @Test
  void kafka_isConfiguredUnderFlagsKafka_withConsumerPropertiesPassedThrough() {
    StoreProperties properties =
        bind(
            Map.of(
                "flags.kafka.bootstrap-servers", "broker:9093",
                "flags.kafka.topic", "other.flags",
                "flags.kafka.properties[security.protocol]", "SASL_SSL",
                "flags.kafka.properties[sasl.mechanism]", "PLAIN"),
            Map.of());
    assertThat(properties.kafka().bootstrapServers()).isEqualTo("broker:9093");
    assertThat(properties.kafka().topic()).isEqualTo("other.flags");
    assertThat(properties.kafka().properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
    assertThat(StoreConfiguration.builder(properties)).isNotNull();
  }

  @Test
  void theEnvironmentVariables_keepWorking() {
    StoreProperties properties =
        bind(
            Map.of(),
            Map.of(
                "FLAGS_KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092",
                "FLAGS_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL"));
    assertThat(properties.kafka().bootstrapServers()).isEqualTo("env-broker:9092");
    assertThat(properties.kafka().properties()).containsEntry("security.protocol", "SSL");
  }

  @Test
  void defaults_areTheLocalBrokerAndTheFlagTopic() {
    StoreProperties properties = bind(Map.of(), Map.of());
    assertThat(properties.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(properties.kafka().topic()).isEqualTo("flagstream.flags");
    assertThat(properties.refreshInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.adminUrl()).isNull();
  }

  @Test
  void anAdminUrlWithoutItsKey_stopsTheStart() {
    assertThatThrownBy(() -> bind(Map.of("flags.admin-url", "http://admin:3001"), Map.of()))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("flags.admin-server-key");
    StoreProperties withKey =
        bind(
            Map.of("flags.admin-url", "http://admin:3001", "flags.admin-server-key", "k"),
            Map.of());
    assertThat(withKey.adminUrl()).isEqualTo(URI.create("http://admin:3001"));
  }
}
