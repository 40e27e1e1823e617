package dev.flagstream.client.spring;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagClientBuilder;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@link FlagClient} bean, when Kafka or an evaluator is configured and the application has no
 * client of its own. The bean is closed with the context.
 */
@AutoConfiguration
@EnableConfigurationProperties(FlagstreamClientProperties.class)
final class FlagstreamAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(FlagClient.class)
  @Conditional(SourceConfigured.class)
  FlagClient flagClient(FlagstreamClientProperties properties) throws InterruptedException {
    FlagClient client =
        new CountingFlagClient(
            builder(properties).build(),
            new EvaluationCounts(properties.getMetrics().getMaxTaggedFlags()));
    if (properties.isAwaitReady() && !client.awaitReady(properties.getStartupTimeout())) {
      client.close();
      throw new IllegalStateException(
          "flagstream.client.await-ready is set, and the flags were not read within "
              + properties.getStartupTimeout()
              + " (status "
              + client.status()
              + ")");
    }
    return client;
  }

  /** A builder holding every setting of {@code properties}. */
  static FlagClientBuilder builder(FlagstreamClientProperties properties) {
    FlagClientBuilder builder =
        FlagClient.builder()
            .refreshInterval(properties.getRefreshInterval())
            .startupTimeout(properties.getStartupTimeout());
    FlagstreamClientProperties.Kafka kafka = properties.getKafka();
    String servers = kafka.getBootstrapServers();
    if (servers != null && !servers.isBlank()) {
      builder.kafka(servers).topic(kafka.getTopic());
      kafka.getProperties().forEach(builder::kafkaProperty);
    }
    URI url = properties.getEvaluator().getUrl();
    if (url != null) {
      String key = properties.getEvaluator().getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(
            "flagstream.client.evaluator.url is set without flagstream.client.evaluator.key");
      }
      builder.evaluator(url, key);
    }
    return builder;
  }

  /** Kafka, an evaluator, or both are configured. */
  static final class SourceConfigured extends AnyNestedCondition {
    SourceConfigured() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("flagstream.client.kafka.bootstrap-servers")
    static final class KafkaConfigured {}

    @ConditionalOnProperty("flagstream.client.evaluator.url")
    static final class EvaluatorConfigured {}
  }
}
