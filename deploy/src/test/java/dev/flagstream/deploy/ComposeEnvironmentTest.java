package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.deploy.fixtures.ImageSettings;
import dev.flagstream.deploy.fixtures.Maps;
import dev.flagstream.deploy.fixtures.Repository;
import dev.flagstream.deploy.fixtures.SpringSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every variable docker-compose.yml gives a service is one the service reads: a misspelt or
 * outdated name would otherwise be ignored without a word, and the service run on its default.
 */
class ComposeEnvironmentTest {
  static final SpringSettings ADMIN = SpringSettings.of(jar("flagstream.admin.jar"));
  static final SpringSettings EVALUATOR = SpringSettings.of(jar("flagstream.evaluator.jar"));

  private static Path jar(String property) {
    String path = System.getProperty(property);
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(property + " is not set: run the tests through Maven");
    }
    return Path.of(path);
  }

  /** What the service's image reads, known by the image it runs. */
  static Predicate<String> reader(String service) {
    String image = Maps.text(ComposeFileTest.services().get(service), "image");
    if (image.contains("/flag-admin-service:")) {
      return ADMIN::reads;
    }
    if (image.contains("/flag-evaluator-service:")) {
      return EVALUATOR::reads;
    }
    if (image.startsWith("apache/kafka:")) {
      return ImageSettings::kafkaReads;
    }
    Set<String> mounted = new TreeSet<>();
    for (Object volume : Maps.list(ComposeFileTest.services().get(service), "volumes")) {
      if (volume.toString().startsWith("./") && !volume.toString().contains("/dist:")) {
        mounted.addAll(
            ImageSettings.referencedIn(Repository.read(volume.toString().split(":")[0])));
      }
    }
    if (image.startsWith("postgres:")) {
      return name -> ImageSettings.POSTGRES.contains(name) || mounted.contains(name);
    }
    if (image.startsWith("nginx:")) {
      return name -> ImageSettings.NGINX.contains(name) || mounted.contains(name);
    }
    throw new IllegalStateException(service + " runs " + image + ": what does it read?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "kafka", "admin", "evaluator-1", "evaluator-2", "demo"})
  void everyVariableGivenToTheService_isOneItReads(String service) {
    Set<String> given = Maps.map(ComposeFileTest.services().get(service), "environment").keySet();
    assertThat(given).as(service + " is given variables").isNotEmpty();
    List<String> unread = new ArrayList<>();
    Predicate<String> reads = reader(service);
    for (String name : given) {
      if (!reads.test(name)) {
        unread.add(name);
      }
    }
    assertThat(unread).as(service + " is given variables it never reads").isEmpty();
  }

  @Test
  void variablesAServiceDoesNotRead_areCaught() {
    assertThat(ADMIN.reads("SPRING_DATASOURCE_URL")).isTrue();
    assertThat(ADMIN.reads("SPRING_DATASOURCE_URLL")).isFalse();
    assertThat(ADMIN.reads("FLAGS_KEYS_CLIENT")).isFalse();
    assertThat(EVALUATOR.reads("FLAGS_KEYS_CLIENT")).isTrue();
    assertThat(EVALUATOR.reads("SPRING_DATASOURCE_URL")).isFalse();
    assertThat(EVALUATOR.reads("FLAGS_ADMIN_URL")).isTrue();
    assertThat(ADMIN.reads("FLAGS_ADMIN_URL")).isFalse();
    assertThat(ImageSettings.kafkaReads("KAFKA_LISTENERS")).isTrue();
    assertThat(ImageSettings.kafkaReads("KAFKA_LISTENRS")).isFalse();
    assertThat(reader("postgres").test("POSTGRES_PASSWORD")).isTrue();
    assertThat(reader("postgres").test("FLAGSTREAM_APP_PASSWORD")).isTrue();
    assertThat(reader("postgres").test("POSTGRES_PASSWORT")).isFalse();
    assertThat(reader("demo").test("FLAGSTREAM_CLIENT_KEY")).isTrue();
    assertThat(reader("demo").test("FLAGSTREAM_CLIENT_KEYS")).isFalse();
  }

  @Test
  void relaxedBinding_mapsVariablesOntoProperties_asSpringDoes() {
    assertThat(SpringSettings.environmentNames("flags.two-factor.encryption-keys"))
        .containsExactlyInAnyOrder(
            "FLAGS_TWO_FACTOR_ENCRYPTION_KEYS", "FLAGS_TWOFACTOR_ENCRYPTIONKEYS");
    assertThat(EVALUATOR.reads("FLAGS_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).isTrue();
    assertThat(ADMIN.reads("FLAGS_KAFKA_PROPERTIES_SASL_MECHANISM")).isTrue();
    assertThat(ADMIN.reads("JAVA_TOOL_OPTIONS")).isTrue();
    assertThat(ADMIN.ownProperties())
        .contains("flags.bootstrap.admin.email", "flags.cdc.username", "flags.sso.issuer-uri");
    assertThat(EVALUATOR.ownProperties()).contains("flags.admin-url", "flags.stream.max-open");
  }

  @Test
  void kafkasVariables_nameBrokerSettings() {
    assertThat(ImageSettings.kafkaSetting("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .isEqualTo("controller.quorum.voters");
    assertThat(ImageSettings.kafkaSetting("KAFKA_A__B___C")).isEqualTo("a-b_c");
    assertThat(ImageSettings.kafkaSetting("CLUSTER_ID")).isNull();
    assertThat(ImageSettings.kafkaReads("CLUSTER_ID")).isTrue();
  }
}
