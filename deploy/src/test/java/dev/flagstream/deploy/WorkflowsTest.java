package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.deploy.fixtures.Maps;
import dev.flagstream.deploy.fixtures.Repository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the workflows do, beyond being valid: the pipeline the docs describe. */
class WorkflowsTest {
  private static final Map<String, Object> CI = workflow("ci.yml");
  private static final Map<String, Object> DEPLOY = workflow("deploy.yml");
  private static final Map<String, Object> PREVIEW = workflow("deploy-preview.yml");
  private static final Pattern SMOKE = Pattern.compile("e2e/smoke/run-smoke\\.sh (\\S+) (\\S+)");

  private static Map<String, Object> workflow(String name) {
    return Repository.yaml(Repository.read(".github/workflows/" + name));
  }

  private static Map<String, Object> job(Map<String, Object> workflow, String name) {
    Map<String, Object> job = Maps.map(workflow, "jobs", name);
    assertThat(job).as("job " + name).isNotEmpty();
    return job;
  }

  private static String runs(Map<String, Object> job) {
    StringBuilder scripts = new StringBuilder();
    for (Object step : Maps.list(job, "steps")) {
      scripts.append(Maps.text(step, "run")).append('\n');
    }
    return scripts.toString();
  }

  private static List<String> uses(Map<String, Object> job) {
    List<String> actions = new ArrayList<>();
    for (Object step : Maps.list(job, "steps")) {
      actions.add(Maps.text(step, "uses"));
    }
    return actions;
  }

  private static List<Object> needs(Map<String, Object> job) {
    Object needs = job.get("needs");
    return needs instanceof List<?> list
        ? List.copyOf(list)
        : needs == null ? List.of() : List.of(needs);
  }

  @Test
  void ci_runsTheReadmesTestCommand_onJava17And21_withNode20() {
    Map<String, Object> verify = job(CI, "verify");
    assertThat(Maps.list(verify, "strategy", "matrix", "java")).containsExactly("17", "21");
    assertThat(runs(verify)).contains("./mvnw verify");
    assertThat(Repository.read("README.md")).contains("./mvnw verify");
    assertThat(Repository.read(".ci/run")).contains("verify");
    assertThat(Maps.list(verify, "steps"))
        .anySatisfy(step -> assertThat(Maps.text(step, "with", "node-version")).isEqualTo("20"));
    assertThat(Maps.list(verify, "steps"))
        .anySatisfy(
            step -> {
              assertThat(Maps.text(step, "if")).isEqualTo("failure()");
              assertThat(Maps.text(step, "with", "path"))
                  .contains("failsafe-reports", "platform-logs", "playwright", "visual-diffs");
            });
  }

  @Test
  void ci_checksFormattingSizeAuditDependenciesLighthouseAndSmoke_andRunsTheTestcontainersPath() {
    assertThat(runs(job(CI, "formatting"))).contains("spotless:check", "prettier --check");
    assertThat(runs(job(CI, "browser-sdk-size"))).contains("npm run size");
    assertThat(runs(job(CI, "npm-audit"))).contains("npm audit");
    assertThat(uses(job(CI, "dependency-review")))
        .anyMatch(action -> action.startsWith("actions/dependency-review-action@"));
    assertThat(runs(job(CI, "smoke-and-lighthouse")))
        .contains(
            "./mvnw -Prun",
            "lhci",
            "e2e/smoke/run-smoke.sh http://localhost:3001 http://localhost:3002",
            "--config=deploy/lighthouse/lighthouserc.json");
    assertThat(runs(job(CI, "testcontainers"))).contains("-Dflagstream.infrastructure=containers");
  }

  @Test
  void deploy_onMain_buildsDeploysSmokeTests_andRollsBackWhenTheSmokeTestFails() {
    assertThat(Maps.list(DEPLOY, "on", "push", "branches")).containsExactly("main");
    assertThat(runs(job(DEPLOY, "images"))).contains("jib:build", "-Dimage.tag=");
    assertThat(needs(job(DEPLOY, "deploy"))).containsExactly("images");
    assertThat(runs(job(DEPLOY, "deploy")))
        .contains("kubectl apply -k deploy/kubernetes/production", "rollout status");
    Map<String, Object> smoke = job(DEPLOY, "smoke-test");
    assertThat(needs(smoke)).containsExactly("deploy");
    assertThat(SMOKE.matcher(runs(smoke)).find())
        .as("smoke-test runs run-smoke.sh with two URLs")
        .isTrue();
    Map<String, Object> rollback = job(DEPLOY, "rollback");
    assertThat(needs(rollback)).containsExactlyInAnyOrder("deploy", "smoke-test");
    assertThat(Maps.text(rollback, "if"))
        .contains("failure()", "needs.smoke-test.result == 'failure'");
    assertThat(runs(rollback))
        .contains("set image deployment/flag-admin-service flag-admin-service=\"$PREVIOUS_ADMIN\"")
        .contains(
            "set image deployment/flag-evaluator-service flag-evaluator-service=\"$PREVIOUS_EVALUATOR\"");
    assertThat(Maps.map(job(DEPLOY, "deploy"), "outputs").keySet())
        .contains("previous-admin", "previous-evaluator");
  }

  @Test
  void preview_perPullRequest_isSmokeTested_andRemovedWhenThePullRequestCloses() {
    assertThat(Maps.list(PREVIEW, "on", "pull_request", "types"))
        .contains("opened", "synchronize", "closed");
    assertThat(Maps.text(PREVIEW, "env", "NAMESPACE")).contains("github.event.pull_request.number");
    assertThat(runs(job(PREVIEW, "deploy")))
        .contains("kubectl apply -n \"$NAMESPACE\" -k deploy/kubernetes/preview");
    assertThat(SMOKE.matcher(runs(job(PREVIEW, "smoke-test"))).find()).isTrue();
    Map<String, Object> remove = job(PREVIEW, "remove");
    assertThat(Maps.text(remove, "if")).contains("github.event.action == 'closed'");
    assertThat(runs(remove)).contains("kubectl delete namespace \"$NAMESPACE\"");
  }

  @Test
  void everySmokeRun_givesTheSuiteItsTokenAndSdkKey_andUploadsItsReport() {
    Map<String, Map<String, Object>> smokeJobs =
        Map.of(
            "ci smoke-and-lighthouse", job(CI, "smoke-and-lighthouse"),
            "deploy smoke-test", job(DEPLOY, "smoke-test"),
            "deploy rollback", job(DEPLOY, "rollback"),
            "preview smoke-test", job(PREVIEW, "smoke-test"));
    smokeJobs.forEach(
        (name, job) -> {
          List<Object> smokeSteps =
              Maps.list(job, "steps").stream()
                  .filter(step -> Maps.text(step, "run").contains("e2e/smoke/run-smoke.sh"))
                  .toList();
          assertThat(smokeSteps).as(name).isNotEmpty();
          for (Object step : smokeSteps) {
            for (String variable : List.of("SMOKE_TOKEN", "SMOKE_SDK_KEY")) {
              assertThat(
                      Maps.map(step, "env").containsKey(variable)
                          || Maps.text(step, "run")
                              .matches("(?s).*export [^\\n]*" + variable + ".*"))
                  .as(name + " gives the smoke suite " + variable)
                  .isTrue();
            }
          }
        });
    for (Map<String, Object> job :
        List.of(
            job(CI, "smoke-and-lighthouse"),
            job(DEPLOY, "smoke-test"),
            job(PREVIEW, "smoke-test"))) {
      assertThat(Maps.list(job, "steps"))
          .anySatisfy(
              step -> assertThat(Maps.text(step, "with", "path")).contains("e2e/target/smoke/"));
    }
  }

  @Test
  void theSmokeSuiteAndLighthouseSettingsTheWorkflowsCall_areInTheRepository() {
    // Both belong to the smoke and performance suite (issue 13); the workflows only call them.
    assertThat(Repository.file("e2e/smoke/run-smoke.sh")).isExecutable();
    assertThat(Repository.file("deploy/lighthouse/lighthouserc.json")).isRegularFile();
  }

  @Test
  void theSecretFilesTheWorkflowsWrite_holdExactlyTheKeysTheirExamplesList() {
    assertThat(keysWritten(runs(job(DEPLOY, "deploy")), "admin-secrets.env"))
        .isEqualTo(exampleKeys("production/admin-secrets.env.example"));
    assertThat(keysWritten(runs(job(DEPLOY, "deploy")), "evaluator-secrets.env"))
        .isEqualTo(exampleKeys("production/evaluator-secrets.env.example"));
    for (String file :
        List.of("admin-secrets.env", "evaluator-secrets.env", "postgres-secrets.env")) {
      assertThat(keysWritten(runs(job(PREVIEW, "deploy")), file))
          .as(file)
          .isEqualTo(exampleKeys("preview/" + file + ".example"));
    }
  }

  private static Set<String> exampleKeys(String example) {
    Set<String> keys = new LinkedHashSet<>();
    for (String line : Repository.read("deploy/kubernetes/" + example).lines().toList()) {
      if (line.contains("=")) {
        keys.add(line.substring(0, line.indexOf('=')));
      }
    }
    return keys;
  }

  /** The keys a script writes into {@code file} with a {@code cat > file <<ENV ... ENV}. */
  static Set<String> keysWritten(String script, String file) {
    Matcher block =
        Pattern.compile("cat > " + Pattern.quote(file) + " <<ENV\\n(.*?)\\n\\s*ENV", Pattern.DOTALL)
            .matcher(script);
    assertThat(block.find()).as("the script writes " + file).isTrue();
    Set<String> keys = new LinkedHashSet<>();
    for (String line : block.group(1).lines().toList()) {
      keys.add(line.strip().substring(0, line.strip().indexOf('=')));
    }
    return keys;
  }
}
