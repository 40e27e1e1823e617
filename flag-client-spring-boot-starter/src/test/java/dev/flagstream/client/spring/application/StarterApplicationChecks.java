package dev.flagstream.client.spring.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.spring.fixtures.HealthOf;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot service with the starter against a real broker: one property, an injected client
 * whose flags change the moment a change is published, and the change seen in health and metrics.
 * Run on Boot 4 by {@link StarterApplicationIT}, on Boot 3.5 by the compatibility matrix ({@link
 * SharedBrokerStarterApplicationCheck}).
 */
public abstract class StarterApplicationChecks {
  private static final String USER = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

  /** The broker's bootstrap servers. */
  protected abstract String bootstrapServers();

  /** The kind of application; null to let Boot tell from the class path, as an application does. */
  protected @Nullable WebApplicationType webApplicationType() {
    return WebApplicationType.NONE;
  }

  private ConfigurableApplicationContext start(String topic) {
    SpringApplicationBuilder service =
        new SpringApplicationBuilder(ShopApplication.class)
            .properties(
                "flagstream.client.kafka.bootstrap-servers=" + bootstrapServers(),
                "flagstream.client.kafka.topic=" + topic,
                "server.port=0");
    WebApplicationType type = webApplicationType();
    if (type != null) {
      service.web(type);
    }
    return service.run();
  }

  @Test
  public void aBootService_withOneProperty_seesAChangeInstantly_inItsBeansHealthAndMetrics()
      throws Exception {
    String topic = "flagstream.flags." + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (Producer<String, byte[]> producer =
            new KafkaProducer<>(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        ConfigurableApplicationContext service = start(topic)) {
      publish(producer, topic, checkout(false, 1), 1);
      FlagClient flags = service.getBean(FlagClient.class);
      Checkout checkout = service.getBean(Checkout.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> flags.status() == ClientStatus.READY);
      await().atMost(Duration.ofSeconds(30)).until(() -> flags.flag("new-checkout") != null);
      assertThat(checkout.isNewFor(USER)).isFalse();

      publish(producer, topic, checkout(true, 2), 2);

      await().atMost(Duration.ofSeconds(10)).until(() -> checkout.isNewFor(USER));
      HealthOf health = HealthOf.of(service.getBean("flagstreamHealthIndicator"));
      assertThat(health.status()).isEqualTo("UP");
      assertThat(health.details())
          .containsEntry("status", "READY")
          .containsEntry("revision", 2L)
          .containsEntry("flags", 1);
      MeterRegistry metrics = service.getBean(MeterRegistry.class);
      assertThat(metrics.get("flagstream.client.revision").gauge().value()).isEqualTo(2);
      assertThat(metrics.get("flagstream.client.status").tag("status", "READY").gauge().value())
          .isEqualTo(1);
      assertThat(
              metrics
                  .get("flagstream.client.evaluations")
                  .tag("flag", "new-checkout")
                  .tag("value", "true")
                  .functionCounter()
                  .count())
          .isGreaterThanOrEqualTo(1);
      assertThat(metrics.get("flagstream.client.propagation.lag").timer().count())
          .isGreaterThanOrEqualTo(1);
    }
  }

  private static Flag checkout(boolean enabled, long version) {
    return Flag.builder("new-checkout").enabled(enabled).version(version).build();
  }

  private static void publish(
      Producer<String, byte[]> producer, String topic, Flag flag, long revision) throws Exception {
    byte[] event = FlagChangeJson.toBytes(FlagChangeEvent.upsert(flag, revision, Instant.now()));
    producer.send(new ProducerRecord<>(topic, flag.name(), event)).get(30, TimeUnit.SECONDS);
  }
}
