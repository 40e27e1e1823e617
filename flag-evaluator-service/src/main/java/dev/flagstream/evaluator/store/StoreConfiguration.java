package dev.flagstream.evaluator.store;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evaluator's store: a Flagstream client, with the admin service's snapshot as its safety net,
 * read at the path every Flagstream service serves it, {@value #SNAPSHOT_PATH}.
 */
@Configuration
class StoreConfiguration {
  /** Where the admin service serves its snapshot, as the evaluator serves its own. */
  static final String SNAPSHOT_PATH = "/api/flags/snapshot";

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
      builder.snapshots(properties.adminUrl().resolve(SNAPSHOT_PATH), properties.adminServerKey());
    }
    return builder;
  }
}
