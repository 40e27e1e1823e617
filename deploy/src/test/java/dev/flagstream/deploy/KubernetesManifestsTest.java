package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.deploy.fixtures.ImageSettings;
import dev.flagstream.deploy.fixtures.Maps;
import dev.flagstream.deploy.fixtures.Repository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests (deploy/kubernetes): every file a kustomization names exists or is one
 * the workflows write, every variable a container is given is one it reads, and the containers run
 * as the images are built to.
 */
class KubernetesManifestsTest {
  private static final String ROOT = "deploy/kubernetes/";

  private static Map<String, Object> kustomization(String overlay) {
    return Repository.yaml(Repository.read(ROOT + overlay + "/kustomization.yaml"));
  }

  /** Every Deployment an overlay holds, by name, with the base's. */
  private static Map<String, Map<String, Object>> deployments(String overlay) {
    Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
    for (Object resource : Maps.list(kustomization(overlay), "resources")) {
      String path = overlay + "/" + resource;
      if (resource.toString().startsWith("../")) {
        deployments.putAll(deployments(path));
        continue;
      }
      for (Map<String, Object> document : Repository.yamlDocuments(Repository.read(ROOT + path))) {
        if (Maps.text(document, "kind").equals("Deployment")) {
          deployments.put(Maps.text(document, "metadata", "name"), document);
        }
      }
    }
    return deployments;
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    return Maps.strings(
        (Map<?, ?>) Maps.list(deployment, "spec", "template", "spec", "containers").get(0));
  }

  private static Predicate<String> reader(String deployment) {
    return switch (deployment) {
      case "flag-admin-service" -> ComposeEnvironmentTest.ADMIN::reads;
      case "flag-evaluator-service" -> ComposeEnvironmentTest.EVALUATOR::reads;
      case "kafka" -> ImageSettings::kafkaReads;
      case "postgres" -> ImageSettings.POSTGRES::contains;
      default -> throw new IllegalStateException("what does " + deployment + " read?");
    };
  }

  /** The variables of a generated ConfigMap or Secret: its env files, or their examples. */
  private static List<String> generated(String overlay, String name) {
    Map<String, Object> kustomization = kustomization(overlay);
    List<Object> generators = new ArrayList<>(Maps.list(kustomization, "configMapGenerator"));
    generators.addAll(Maps.list(kustomization, "secretGenerator"));
    List<String> variables = new ArrayList<>();
    boolean found = false;
    for (Object generator : generators) {
      if (!Maps.text(generator, "name").equals(name)) {
        continue;
      }
      found = true;
      for (Object envs : Maps.list(generator, "envs")) {
        String file = ROOT + overlay + "/" + envs;
        if (!Repository.file(file).toFile().exists()) {
          assertThat(envs.toString())
              .as(file + " is written by a workflow")
              .endsWith("-secrets.env");
          assertThat(Repository.read(ROOT + ".gitignore")).contains("*-secrets.env");
          file = file + ".example";
        }
        for (String line : Repository.read(file).lines().toList()) {
          if (line.contains("=") && !line.startsWith("#")) {
            variables.add(line.substring(0, line.indexOf('=')));
          }
        }
      }
    }
    assertThat(found).as(overlay + " generates " + name).isTrue();
    return variables;
  }

  @ParameterizedTest
  @ValueSource(strings = {"production", "preview"})
  void everyVariableAContainerIsGiven_isOneItReads(String overlay) {
    Map<String, Map<String, Object>> deployments = deployments(overlay);
    assertThat(deployments).containsKeys("flag-admin-service", "flag-evaluator-service");
    for (Map.Entry<String, Map<String, Object>> deployment : deployments.entrySet()) {
      Map<String, Object> container = container(deployment.getValue());
      List<String> given = new ArrayList<>();
      for (Object variable : Maps.list(container, "env")) {
        given.add(Maps.text(variable, "name"));
      }
      for (Object source : Maps.list(container, "envFrom")) {
        String name =
            Maps.text(source, "configMapRef", "name") + Maps.text(source, "secretRef", "name");
        given.addAll(generated(overlay, name));
      }
      assertThat(given).as(deployment.getKey() + " is given variables").isNotEmpty();
      assertThat(given)
          .as(deployment.getKey() + " in " + overlay)
          .allMatch(reader(deployment.getKey()));
    }
  }

  @Test
  void theServices_runAsTheImagesUser_onTheirPorts_probedOnTheirHealthEndpoints() {
    Map<String, Map<String, Object>> deployments = deployments("production");
    for (Map.Entry<String, Integer> service :
        Map.of("flag-admin-service", 3001, "flag-evaluator-service", 3002).entrySet()) {
      Map<String, Object> deployment = deployments.get(service.getKey());
      Map<String, Object> container = container(deployment);
      assertThat(Maps.text(container, "image")).isEqualTo("flagstream/" + service.getKey());
      assertThat(Maps.text(deployment, "spec", "template", "spec", "securityContext", "runAsUser"))
          .isEqualTo("65532");
      assertThat(
              Maps.text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
          .isEqualTo("true");
      assertThat(Maps.text(container, "securityContext", "readOnlyRootFilesystem"))
          .isEqualTo("true");
      assertThat(Maps.list(container, "volumeMounts"))
          .anySatisfy(mount -> assertThat(Maps.text(mount, "mountPath")).isEqualTo("/tmp"));
      assertThat(Maps.text(Maps.list(container, "ports").get(0), "containerPort"))
          .isEqualTo(service.getValue().toString());
      assertThat(Maps.text(container, "readinessProbe", "httpGet", "path"))
          .isEqualTo("/health/ready");
      assertThat(Maps.text(container, "livenessProbe", "httpGet", "path"))
          .isEqualTo("/health/live");
    }
  }

  @Test
  void thePreviewsKafka_isTheBuildsVersion_andGetsNoServiceLinks_whichItWouldReadAsSettings() {
    Map<String, Object> kafka = deployments("preview").get("kafka");
    assertThat(Maps.text(container(kafka), "image"))
        .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    // Kubernetes would give the pod KAFKA_PORT=tcp://... for the Service named kafka, and the
    // image would take it for the broker setting "port".
    assertThat(Maps.text(kafka, "spec", "template", "spec", "enableServiceLinks"))
        .isEqualTo("false");
    assertThat(ImageSettings.kafkaSetting("KAFKA_PORT")).isEqualTo("port");
  }

  @Test
  void everyResourceAKustomizationNames_exists() {
    for (String overlay : List.of("base", "production", "preview")) {
      for (Object resource : Maps.list(kustomization(overlay), "resources")) {
        assertThat(Repository.file(ROOT + overlay + "/" + resource))
            .as(overlay + ": " + resource)
            .exists();
      }
    }
  }
}
