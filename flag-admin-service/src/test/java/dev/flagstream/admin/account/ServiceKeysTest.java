package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The keys of other services take the evaluator's words, {@code flags.keys.*}. */
class ServiceKeysTest {

  private static Binder settings(Map<String, Object> properties, Map<String, Object> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().addFirst(new MapPropertySource("test", properties));
    spring
        .getPropertySources()
        .addLast(
            new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment));
    return new Binder(ConfigurationPropertySources.get(spring));
  }

  private static ServiceKeys bind(Map<String, Object> properties, Map<String, Object> env) {
    return settings(properties, env).bindOrCreate("flags.keys", ServiceKeys.class);
  }

  @Test
  void serverAndMetricsKeys_areReadFromFlagsKeys_asInTheEvaluator() {
    ServiceKeys keys =
        bind(
            Map.of("flags.keys.server", "server-one,server-two", "flags.keys.metrics", "m"),
            Map.of());
    assertThat(keys.isServerKey("server-two")).isTrue();
    assertThat(keys.isMetricsKey("m")).isTrue();
    assertThat(keys.isServerKey("m")).as("each key grants one thing").isFalse();
    assertThat(keys.isMetricsKey("server-one")).isFalse();
  }

  @Test
  void theEnvironmentVariables_areFlagsKeysServerAndMetrics() {
    ServiceKeys keys = bind(Map.of(), Map.of("FLAGS_KEYS_SERVER", "s", "FLAGS_KEYS_METRICS", "m"));
    assertThat(keys.isServerKey("s")).isTrue();
    assertThat(keys.isMetricsKey("m")).isTrue();
  }

  @Test
  void noKeys_andEmptyKeys_matchNothing() {
    assertThat(bind(Map.of(), Map.of()).isServerKey("")).isFalse();
    assertThat(bind(Map.of("flags.keys.server", ","), Map.of()).isServerKey("")).isFalse();
  }

  @Test
  void theFormerNames_stopTheStart_namingTheNewOnes() {
    assertThatThrownBy(
            () ->
                RenamedKeys.refuseFormerNames(settings(Map.of("flags.server-keys", "s"), Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flags.keys.server");
    assertThatThrownBy(
            () ->
                RenamedKeys.refuseFormerNames(
                    settings(Map.of(), Map.of("FLAGS_METRICS_KEYS", "m"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flags.keys.metrics");
    assertThatCode(
            () ->
                RenamedKeys.refuseFormerNames(
                    settings(
                        Map.of("flags.keys.server", "s", "flags.keys.metrics", "m"), Map.of())))
        .doesNotThrowAnyException();
  }
}
