package dev.flagstream.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.SmokePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The throughput harness, run with tiny numbers so that it cannot rot: every scenario is answered
 * without a failure and the report, raw figures and chart are written. Its speed is not checked.
 */
@ExtendWith(SmokePlatform.class)
class ThroughputHarnessIT {
  @Test
  void aSmallRun_loadsEveryScenario_withoutAFailure_andWritesItsReport(HarnessPlatform platform)
      throws Exception {
    Path out = Path.of("target", "throughput-smoke");
    ThroughputOptions options =
        ThroughputOptions.parse(
            "--flags", "12",
            "--seconds", "1",
            "--warmup-seconds", "0",
            "--connections", "2",
            "--out", out.toString());

    String coresBefore = allowedCores();
    int cores = Runtime.getRuntime().availableProcessors();

    ThroughputReport report = ThroughputHarness.run(platform, options);

    assertThat(allowedCores())
        .as("the harness gives its JVM its cores back")
        .isEqualTo(coresBefore);
    assertThat(report.failed()).isZero();
    if (Cores.canConfine(1, cores)) {
      assertThat(report.placement())
          .startsWith("The evaluator confined to cores 0 of " + cores + ";")
          .contains("the admin service (cores " + Cores.list(1, cores - 1) + ")");
    } else {
      assertThat(report.placement()).startsWith("Nothing confined");
    }
    assertThat(report.measured())
        .extracting(Measured::scenario)
        .containsExactly(Scenario.EVERY_FLAG, Scenario.EVERY_VALUE, Scenario.ONE_FLAG);
    assertThat(report.measured()).allSatisfy(m -> assertThat(m.requests()).isPositive());
    assertThat(report.bodyBytes().get(1))
        .as("values alone are smaller than whole evaluations")
        .isLessThan(report.bodyBytes().get(0));
    assertThat(Files.readString(out.resolve("throughput.md")))
        .contains("| every flag, values only |")
        .contains("Unleash Edge");
    assertThat(Files.readAllLines(out.resolve("throughput.csv"))).hasSize(1 + 3);
    assertThat(out.resolve("throughput.svg")).content().startsWith("<svg");
  }

  private static String allowedCores() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    return Files.isReadable(status)
        ? Files.readAllLines(status).stream()
            .filter(line -> line.startsWith("Cpus_allowed_list"))
            .findFirst()
            .orElse("")
        : "";
  }
}
