package dev.flagstream.evaluator.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the evaluator's flags come from, under {@code flags}.
 *
 * @param kafka the Kafka cluster and topic, under {@code flags.kafka}
 * @param adminUrl the admin service, whose snapshot is the safety net; none when null
 * @param adminServerKey the server key for the admin service's snapshot; required with {@code
 *     adminUrl}
 * @param refreshInterval how often every flag is refreshed from the admin snapshot
 * @param startupTimeout how long the first read of the topic may take before the store reports an
 *     error; it keeps trying
 */
@ConfigurationProperties("flags")
public record StoreProperties(
    @DefaultValue Kafka kafka,
    @Nullable URI adminUrl,
    @Nullable String adminServerKey,
    @DefaultValue("60s") Duration refreshInterval,
    @DefaultValue("30s") Duration startupTimeout) {

  public StoreProperties {
    if (adminUrl != null && (adminServerKey == null || adminServerKey.isBlank())) {
      throw new IllegalArgumentException(
          "flags.admin-url is set but flags.admin-server-key (FLAGS_ADMIN_SERVER_KEY) is not:"
              + " the admin service refuses snapshot requests without its server key");
    }
  }

  /**
   * The flag topic's cluster, the same words as in the admin service.
   *
   * @param bootstrapServers the Kafka cluster ({@code FLAGS_KAFKA_BOOTSTRAP_SERVERS})
   * @param topic the flag topic
   * @param properties Kafka consumer settings passed through unchanged, such as {@code
   *     flags.kafka.properties[security.protocol]=SASL_SSL}
   */
  public record Kafka(
      @DefaultValue("localhost:9092") String bootstrapServers,
      @DefaultValue("flagstream.flags") String topic,
      @DefaultValue Map<String, String> properties) {
    public Kafka {
      properties = Map.copyOf(properties);
    }
  }
}
