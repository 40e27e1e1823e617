package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flagstream.container.BaseImageBuild;
import dev.flagstream.deploy.fixtures.Maps;
import dev.flagstream.deploy.fixtures.Repository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docker-compose.yml: valid Compose, and the platform as the docs describe it. */
class ComposeFileTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema COMPOSE_SCHEMA = composeSchema();
  static final Map<String, Object> COMPOSE = Repository.yaml(Repository.read("docker-compose.yml"));

  /** The vendored schema (its $id is relative, so it is read by its location on the class path). */
  private static Schema composeSchema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
  }

  private static List<Error> errors(Object compose) {
    JsonNode json = JSON.valueToTree(compose);
    return COMPOSE_SCHEMA.validate(json);
  }

  static Map<String, Object> services() {
    return Maps.map(COMPOSE, "services");
  }

  @Test
  void theComposeFile_isValidCompose() {
    assertThat(errors(COMPOSE)).isEmpty();
  }

  @Test
  void mistakesInAComposeFile_failTheSchema() {
    Map<String, Object> misspelled = copy(COMPOSE);
    child(misspelled, "services", "admin").put("helthcheck", Map.of("test", "true"));
    Map<String, Object> badCondition = copy(COMPOSE);
    child(badCondition, "services", "admin", "depends_on")
        .put("postgres", Map.of("condition", "service_health"));
    Map<String, Object> badPorts = copy(COMPOSE);
    child(badPorts, "services", "admin").put("ports", "3001:3001");
    assertThat(errors(copy(COMPOSE))).isEmpty();
    for (Map<String, Object> wrong : List.of(misspelled, badCondition, badPorts)) {
      assertThat(errors(wrong)).isNotEmpty();
    }
  }

  @Test
  void everyServiceWaitedFor_isWaitedForUntilHealthy_andHasAHealthCheck() {
    int dependencies = 0;
    for (Map.Entry<String, Object> service : services().entrySet()) {
      Map<String, Object> dependsOn = Maps.map(service.getValue(), "depends_on");
      for (Map.Entry<String, Object> dependency : dependsOn.entrySet()) {
        dependencies++;
        assertThat(Maps.text(dependency.getValue(), "condition"))
            .as(service.getKey() + " waits for " + dependency.getKey())
            .isEqualTo("service_healthy");
        assertThat(Maps.list(services().get(dependency.getKey()), "healthcheck", "test"))
            .as(dependency.getKey() + "'s health check")
            .isNotEmpty();
      }
    }
    assertThat(dependencies).isGreaterThanOrEqualTo(7);
  }

  @Test
  void thePlatform_isPostgresKafkaAnAdminTwoEvaluatorsAndTheDemo_onTheDocumentedPorts() {
    assertThat(services().keySet())
        .containsExactlyInAnyOrder(
            "postgres", "kafka", "admin", "evaluator-1", "evaluator-2", "demo");
    assertThat(Maps.list(services().get("admin"), "ports"))
        .containsExactly("${ADMIN_PORT:-3001}:3001");
    assertThat(Maps.list(services().get("evaluator-1"), "ports"))
        .containsExactly("${EVALUATOR_1_PORT:-3002}:3002");
    assertThat(Maps.list(services().get("evaluator-2"), "ports"))
        .containsExactly("${EVALUATOR_2_PORT:-3003}:3002");
    assertThat(Maps.list(services().get("demo"), "ports")).containsExactly("${DEMO_PORT:-8080}:80");
    for (String name : List.of("postgres", "kafka")) {
      assertThat(Maps.list(services().get(name), "ports")).as(name + " stays inside").isEmpty();
    }
  }

  @Test
  void postgres_decodesLogically_andBoundsTheWalAStalledSlotKeeps() {
    List<Object> command = Maps.list(services().get("postgres"), "command");
    assertThat(command).containsSubsequence("-c", "wal_level=logical");
    assertThat(command)
        .anySatisfy(part -> assertThat(part).asString().startsWith("max_slot_wal_keep_size="));
    assertThat(Maps.text(services().get("postgres"), "image")).startsWith("postgres:17");
  }

  @Test
  void kafka_isTheVersionFlagstreamIsBuiltWith_inKRaftMode_withAValidClusterId() {
    Map<String, Object> kafka = Maps.map(services(), "kafka");
    assertThat(Maps.text(kafka, "image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    assertThat(Maps.text(kafka, "environment", "KAFKA_PROCESS_ROLES"))
        .isEqualTo("broker,controller");
    String clusterId = Maps.text(kafka, "environment", "CLUSTER_ID");
    assertThat(clusterId).startsWith("${KAFKA_CLUSTER_ID:-");
    Uuid parsed =
        Uuid.fromString(
            clusterId.substring("${KAFKA_CLUSTER_ID:-".length(), clusterId.length() - 1));
    assertThat(parsed.toString()).hasSize(22);
  }

  @Test
  void dataLivesInNamedVolumes() {
    List<String> used = new ArrayList<>();
    for (String name : List.of("postgres", "kafka")) {
      for (Object volume : Maps.list(services().get(name), "volumes")) {
        String source = volume.toString().split(":")[0];
        if (!source.startsWith("./")) {
          used.add(source);
        }
      }
    }
    assertThat(used).containsExactlyInAnyOrder("postgres-data", "kafka-data");
    assertThat(Maps.map(COMPOSE, "volumes").keySet()).containsExactlyInAnyOrderElementsOf(used);
  }

  @Test
  void flagstreamsServices_checkTheirHealthAsTheirImagesDo_andRestart() {
    List<String> imageCheck = new ArrayList<>(BaseImageBuild.HEALTH_CHECK);
    for (String name : List.of("admin", "evaluator-1", "evaluator-2")) {
      assertThat(Maps.list(services().get(name), "healthcheck", "test"))
          .as(name)
          .isEqualTo(imageCheck);
      assertThat(Maps.text(services().get(name), "restart")).isEqualTo("unless-stopped");
    }
  }

  @Test
  void theImages_areTheOnesTheBuildMakes() {
    String version = System.getProperty("flagstream.version", "0.1.0-SNAPSHOT");
    assertThat(Maps.text(services().get("admin"), "image"))
        .isEqualTo(
            "${FLAGSTREAM_IMAGE_REPOSITORY:-flagstream}/flag-admin-service:${FLAGSTREAM_VERSION:-"
                + version
                + "}");
    for (String evaluator : List.of("evaluator-1", "evaluator-2")) {
      assertThat(Maps.text(services().get(evaluator), "image"))
          .isEqualTo(
              "${FLAGSTREAM_IMAGE_REPOSITORY:-flagstream}/flag-evaluator-service:${FLAGSTREAM_VERSION:-"
                  + version
                  + "}");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> map, String... path) {
    Map<String, Object> current = map;
    for (String key : path) {
      current = (Map<String, Object>) current.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            copy.put(
                key,
                value instanceof Map<?, ?> nested ? copy((Map<String, Object>) nested) : value));
    return copy;
  }
}
