package dev.flagstream.client.spring;

import dev.flagstream.client.FlagClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The client's Micrometer metrics, when Micrometer is present; Boot binds them to registries. */
@AutoConfiguration(after = FlagstreamAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(FlagClient.class)
final class FlagstreamMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(FlagClientMetrics.class)
  FlagClientMetrics flagstreamClientMetrics(FlagClient client) {
    return new FlagClientMetrics(client, Clock.systemUTC());
  }
}
