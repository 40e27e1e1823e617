package dev.flagstream.client.spring;

import dev.flagstream.client.FlagClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code flagstream} health indicator, in the types of the Boot line present: Boot 4's {@code
 * org.springframework.boot.health} or Boot 3's {@code org.springframework.boot.actuate.health}. Off
 * with {@code management.health.flagstream.enabled=false}.
 */
@AutoConfiguration(after = FlagstreamAutoConfiguration.class)
@ConditionalOnBean(FlagClient.class)
@ConditionalOnProperty(
    name = "management.health.flagstream.enabled",
    havingValue = "true",
    matchIfMissing = true)
final class FlagstreamHealthAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static final class Boot4 {
    @Bean
    @ConditionalOnMissingBean(name = "flagstreamHealthIndicator")
    Boot4HealthIndicator flagstreamHealthIndicator(
        FlagClient client, FlagstreamClientProperties properties) {
      return new Boot4HealthIndicator(client, properties.getHealth().getStaleStatus());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static final class Boot3 {
    @Bean
    @ConditionalOnMissingBean(name = "flagstreamHealthIndicator")
    Boot3HealthIndicator flagstreamHealthIndicator(
        FlagClient client, FlagstreamClientProperties properties) {
      return new Boot3HealthIndicator(client, properties.getHealth().getStaleStatus());
    }
  }
}
