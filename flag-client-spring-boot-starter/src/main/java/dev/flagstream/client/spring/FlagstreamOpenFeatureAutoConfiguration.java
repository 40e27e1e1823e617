package dev.flagstream.client.spring;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The OpenFeature provider over the client, registered with the OpenFeature API when {@code
 * dev.openfeature:sdk} is present. Registration does not wait for the flags, so start-up never
 * blocks on the flag platform; the provider becomes ready with the client.
 */
@AutoConfiguration(after = FlagstreamAutoConfiguration.class)
@ConditionalOnClass(OpenFeatureAPI.class)
@ConditionalOnBean(FlagClient.class)
@ConditionalOnProperty(
    name = "flagstream.client.openfeature.enabled",
    havingValue = "true",
    matchIfMissing = true)
final class FlagstreamOpenFeatureAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(FlagstreamProvider.class)
  FlagstreamProvider flagstreamProvider(FlagClient client) {
    return new FlagstreamProvider(client);
  }

  @Bean
  OpenFeatureRegistration flagstreamOpenFeatureRegistration(
      FlagstreamProvider provider, FlagstreamClientProperties properties) {
    return new OpenFeatureRegistration(
        OpenFeatureAPI.getInstance(), provider, properties.getOpenfeature().getDomain());
  }
}
