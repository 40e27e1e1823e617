package dev.flagstream.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.flagstream.client.spring.fixtures.HealthOf;
import dev.flagstream.client.spring.fixtures.SnapshotEndpoint;
import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Every condition of the auto-configuration, on the Boot line the tests run on: when the client is
 * made and from what, when it backs off, and what comes with it (health, metrics, OpenFeature).
 */
class FlagstreamAutoConfigurationTest {
  private static final Flag ON = Flag.builder("new-checkout").enabled(true).version(3).build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  FlagstreamAutoConfiguration.class,
                  FlagstreamMetricsAutoConfiguration.class,
                  FlagstreamHealthAutoConfiguration.class,
                  FlagstreamOpenFeatureAutoConfiguration.class));

  @AfterEach
  void resetOpenFeature() {
    OpenFeatureAPI.getInstance().setProvider(new NoOpProvider());
  }

  @Test
  void withoutKafkaOrAnEvaluator_thereIsNoClient_andNothingThatNeedsOne() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(FlagClient.class)
                .doesNotHaveBean("flagstreamHealthIndicator")
                .doesNotHaveBean(FlagClientMetrics.class)
                .doesNotHaveBean(FlagstreamProvider.class));
  }

  @Test
  void kafkaBootstrapServers_makeOneClient_thatStartsWithoutWaitingForTheBroker() {
    runner
        .withPropertyValues(
            "flagstream.client.kafka.bootstrap-servers=localhost:1",
            "flagstream.client.kafka.topic=other.flags",
            "flagstream.client.kafka.properties.security.protocol=PLAINTEXT")
        .run(
            context -> {
              assertThat(context).hasSingleBean(FlagClient.class);
              FlagClient client = context.getBean(FlagClient.class);
              assertThat(client).isInstanceOf(CountingFlagClient.class);
              assertThat(client.status()).isEqualTo(ClientStatus.STARTING);
              assertThat(client.isEnabled("new-checkout", "u", true)).isTrue();
              assertThat(
                      context
                          .getBeanFactory()
                          .getBeanDefinition("flagClient")
                          .getDestroyMethodName())
                  .as("closed with the context")
                  .isEqualTo("close");
            });
  }

  @Test
  void anEvaluatorUrlAndKey_makeAClientThatReadsItsSnapshot_sendingTheKey() {
    try (SnapshotEndpoint evaluator = SnapshotEndpoint.serving(42, ON)) {
      runner
          .withPropertyValues(
              "flagstream.client.evaluator.url=" + evaluator.url(),
              "flagstream.client.evaluator.key=server-key")
          .run(
              context -> {
                FlagClient client = context.getBean(FlagClient.class);
                assertThat(client.awaitReady(Duration.ofSeconds(30))).isTrue();
                assertThat(client.isEnabled("new-checkout", "u")).isTrue();
                assertThat(client.revision()).isEqualTo(42);
                assertThat(evaluator.authorizations()).contains("Bearer server-key");
              });
    }
  }

  @Test
  void anEvaluatorUrlWithoutKey_failsTheStart_sayingWhatIsMissing() {
    runner
        .withPropertyValues("flagstream.client.evaluator.url=http://localhost:1")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("without flagstream.client.evaluator.key"));
  }

  @Test
  void awaitReady_holdsTheStartUntilTheFlagsAreRead() {
    try (SnapshotEndpoint evaluator = SnapshotEndpoint.serving(7, ON)) {
      runner
          .withPropertyValues(
              "flagstream.client.evaluator.url=" + evaluator.url(),
              "flagstream.client.evaluator.key=k",
              "flagstream.client.await-ready=true",
              "flagstream.client.startup-timeout=30s")
          .run(
              context ->
                  assertThat(context.getBean(FlagClient.class).status())
                      .isEqualTo(ClientStatus.READY));
    }
  }

  @Test
  void awaitReady_failsTheStart_whenTheFlagsAreNotReadInTime() {
    runner
        .withPropertyValues(
            "flagstream.client.kafka.bootstrap-servers=localhost:1",
            "flagstream.client.await-ready=true",
            "flagstream.client.startup-timeout=200ms")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("the flags were not read within PT0.2S"));
  }

  @Test
  void anApplicationsOwnClient_replacesTheStarters_andGetsHealthMetricsAndOpenFeature() {
    runner
        .withUserConfiguration(OwnClient.class)
        .withPropertyValues("flagstream.client.kafka.bootstrap-servers=localhost:1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(FlagClient.class);
              assertThat(context.getBean(FlagClient.class))
                  .isSameAs(context.getBean("myFlagClient"))
                  .isInstanceOf(InMemoryFlagClient.class);
              assertThat(HealthOf.of(context.getBean("flagstreamHealthIndicator")).status())
                  .isEqualTo("UP");
              assertThat(context).hasSingleBean(FlagClientMetrics.class);
              assertThat(context).hasSingleBean(FlagstreamProvider.class);
            });
  }

  @Test
  void inMemoryFlagsConfiguration_givesTestsAnInMemoryClient() {
    runner
        .withUserConfiguration(InMemoryTest.class)
        .withPropertyValues("flagstream.client.kafka.bootstrap-servers=localhost:1")
        .run(
            context -> {
              assertThat(context.getBean(FlagClient.class)).isInstanceOf(InMemoryFlagClient.class);
              context.getBean(InMemoryFlagClient.class).enable("new-checkout");
              assertThat(context.getBean(FlagClient.class).isEnabled("new-checkout", "u")).isTrue();
            });
  }

  @Test
  void health_isUpWithDetails_whileReady() {
    runner
        .withUserConfiguration(OwnClient.class)
        .run(
            context -> {
              HealthOf health = HealthOf.of(context.getBean("flagstreamHealthIndicator"));
              assertThat(health.status()).isEqualTo("UP");
              assertThat(health.details())
                  .containsEntry("status", "READY")
                  .containsEntry("flags", 1)
                  .containsKeys("revision", "dataAge", "skippedRecords");
            });
  }

  @Test
  void health_whileStale_isOutOfService_whenConfiguredSo() {
    runner
        .withBean(FlagClient.class, () -> HealthReportTest.clientIn(ClientStatus.STALE))
        .withPropertyValues("flagstream.client.health.stale-status=out-of-service")
        .run(
            context ->
                assertThat(HealthOf.of(context.getBean("flagstreamHealthIndicator")).status())
                    .isEqualTo("OUT_OF_SERVICE"));
  }

  @Test
  void health_canBeTurnedOff_andNeedsBootsHealthTypes() {
    runner
        .withUserConfiguration(OwnClient.class)
        .withPropertyValues("management.health.flagstream.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("flagstreamHealthIndicator"));
    runner
        .withUserConfiguration(OwnClient.class)
        .withClassLoader(
            new FilteredClassLoader(
                "org.springframework.boot.health", "org.springframework.boot.actuate.health"))
        .run(context -> assertThat(context).doesNotHaveBean("flagstreamHealthIndicator"));
  }

  @Test
  void metrics_countTheStartersEvaluations_byFlagAndValue_withinTheCap() {
    try (SnapshotEndpoint evaluator =
        SnapshotEndpoint.serving(9, ON, Flag.builder("old-search").version(1).build())) {
      runner
          .withPropertyValues(
              "flagstream.client.evaluator.url=" + evaluator.url(),
              "flagstream.client.evaluator.key=k",
              "flagstream.client.await-ready=true",
              "flagstream.client.startup-timeout=30s",
              "flagstream.client.metrics.max-tagged-flags=1")
          .run(
              context -> {
                MeterRegistry registry = new SimpleMeterRegistry();
                context.getBean(FlagClientMetrics.class).bindTo(registry);
                FlagClient client = context.getBean(FlagClient.class);
                client.isEnabled("new-checkout", "u");
                client.evaluate("new-checkout", "u");
                client.isEnabled("old-search", "u");
                client.isEnabled("unknown", "u");

                assertThat(evaluations(registry, "new-checkout", "true")).isEqualTo(2);
                assertThat(evaluations(registry, "other", "false")).isEqualTo(2);
                assertThat(
                        registry
                            .find("flagstream.client.evaluations")
                            .tag("flag", "old-search")
                            .counter())
                    .isNull();
                assertThat(registry.get("flagstream.client.revision").gauge().value()).isEqualTo(9);
                assertThat(registry.get("flagstream.client.flags").gauge().value()).isEqualTo(2);
                assertThat(
                        registry
                            .get("flagstream.client.status")
                            .tag("status", "READY")
                            .gauge()
                            .value())
                    .isEqualTo(1);
                assertThat(
                        registry
                            .get("flagstream.client.status")
                            .tag("status", "STALE")
                            .gauge()
                            .value())
                    .isZero();
                assertThat(registry.get("flagstream.client.data.age").gauge().value())
                    .isNotNegative();
              });
    }
  }

  @Test
  void metrics_needMicrometer() {
    runner
        .withUserConfiguration(OwnClient.class)
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(
            context -> assertThat(context).hasNotFailed().doesNotHaveBean(FlagClientMetrics.class));
  }

  @Test
  void openFeature_getsTheProvider_untilTheContextCloses() {
    runner
        .withUserConfiguration(OwnClient.class)
        .run(
            context ->
                assertThat(OpenFeatureAPI.getInstance().getProvider())
                    .isSameAs(context.getBean(FlagstreamProvider.class)));
    assertThat(OpenFeatureAPI.getInstance().getProvider()).isInstanceOf(NoOpProvider.class);
  }

  @Test
  void openFeature_getsTheProviderForTheConfiguredDomain() {
    runner
        .withUserConfiguration(OwnClient.class)
        .withPropertyValues("flagstream.client.openfeature.domain=flags")
        .run(
            context -> {
              assertThat(OpenFeatureAPI.getInstance().getProvider("flags"))
                  .isSameAs(context.getBean(FlagstreamProvider.class));
              assertThat(OpenFeatureAPI.getInstance().getProvider())
                  .isInstanceOf(NoOpProvider.class);
            });
  }

  @Test
  void openFeature_canBeTurnedOff_andNeedsTheSdk() {
    runner
        .withUserConfiguration(OwnClient.class)
        .withPropertyValues("flagstream.client.openfeature.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(FlagstreamProvider.class));
    runner
        .withUserConfiguration(OwnClient.class)
        .withClassLoader(new FilteredClassLoader(OpenFeatureAPI.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(FlagstreamProvider.class));
  }

  private static double evaluations(MeterRegistry registry, String flag, String value) {
    return registry
        .get("flagstream.client.evaluations")
        .tag("flag", flag)
        .tag("value", value)
        .functionCounter()
        .count();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    FlagClient myFlagClient() {
      return new InMemoryFlagClient().enable("mine");
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Import(InMemoryFlagsConfiguration.class)
  static class InMemoryTest {}
}
