package dev.flagstream.evaluator.store;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluator's store: a Flagstream client, with the admin snapshot as its safety net. */
@Configuration
class StoreConfiguration {

  @Bean(destroyMethod = "close")
  FlagClient flagClient(StoreProperties properties) {
    return builder(properties).build();
  }

  static FlagClientBuilder builder(StoreProperties properties) {
    FlagClientBuilder builder =
        FlagClient.builder()
            .kafka(properties.kafka().bootstrapServers())
            .topic(properties.kafka().topic())
            .refreshInterval(properties.refreshInterval())
            .startupTimeout(properties.startupTimeout());
    properties.kafka().properties().forEach(builder::kafkaProperty);
    if (properties.adminUrl() != null && properties.adminServerKey() != null) {
      builder.snapshots(
          properties.adminUrl().resolve("/api/snapshot"), properties.adminServerKey());
    }
    return builder;
  }
}
