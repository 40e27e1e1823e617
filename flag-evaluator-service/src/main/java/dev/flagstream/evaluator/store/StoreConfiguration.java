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
    FlagClientBuilder builder =
        FlagClient.builder()
            .kafka(properties.kafkaBootstrapServers())
            .topic(properties.topic())
            .refreshInterval(properties.refreshInterval())
            .startupTimeout(properties.startupTimeout());
    if (properties.adminUrl() != null) {
      builder.snapshots(
          properties.adminUrl().resolve("/api/snapshot"),
          properties.adminServerKey() == null ? "" : properties.adminServerKey());
    }
    return builder.build();
  }
}
