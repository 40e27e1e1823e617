package dev.flagstream.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's small parts: options, scenarios, CPU time, percentiles, the report. */
class ThroughputPartsTest {
  @Test
  void options_haveDefaults_andTakeEachNamedValue() {
    assertThat(ThroughputOptions.parse()).isEqualTo(ThroughputOptions.DEFAULTS);
    ThroughputOptions options =
        ThroughputOptions.parse(
            "--flags",
            "10",
            "--seconds",
            "3",
            "--evaluator-cores",
            "0",
            "--evaluator",
            "server.tomcat.threads.max=50",
            "--out",
            "x");
    assertThat(options.flags()).isEqualTo(10);
    assertThat(options.seconds()).isEqualTo(3);
    assertThat(options.evaluatorCores()).isZero();
    assertThat(options.evaluatorSettings()).containsEntry("server.tomcat.threads.max", "50");
    assertThat(options.out()).isEqualTo(Path.of("x"));
    assertThatThrownBy(() -> ThroughputOptions.parse("--nope", "1"))
        .hasMessageContaining("--flags");
    assertThatThrownBy(() -> ThroughputOptions.parse("--evaluator", "x"))
        .hasMessageContaining("name=value");
  }

  @Test
  void scenarios_askANewUserEachTime_andOneFlagTakesEachFlagInTurn() {
    List<String> flags = List.of("a", "b");
    assertThat(Scenario.ONE_FLAG.target(flags, 3))
        .isEqualTo("/api/flags/b/evaluation?userId=user-3");
    assertThat(Scenario.ONE_FLAG.target(flags, 4))
        .isEqualTo("/api/flags/a/evaluation?userId=user-4");
    assertThat(Scenario.EVERY_FLAG.target(flags, 4)).isEqualTo("/api/evaluations");
    assertThat(Scenario.EVERY_VALUE.body(7)).isEqualTo("{\"userId\":\"user-7\"}");
  }

  @Test
  void cpuTime_isUserAndSystemTicks_evenWhenTheCommandNameHoldsSpacesAndParentheses() {
    String stat = "4242 (java (x) y) S 1 2 3 4 5 6 7 8 9 10 250 150 0 0 20 0";
    assertThat(ProcessCpu.seconds(stat)).isEqualTo(4.0);
    assertThat(ProcessCpu.seconds(Long.MAX_VALUE)).isEqualTo(-1);
    double own = ProcessCpu.seconds(ProcessHandle.current().pid());
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThat(own).isPositive();
    } else {
      assertThat(own).isEqualTo(-1);
    }
  }

  @Test
  void eachCoresBusyShare_isItsNonIdleTicks_overAllItsTicks() {
    List<long[]> before =
        MachineCpu.parse(
            List.of(
                "cpu  300 0 100 600 0 0 0 0 0 0",
                "cpu0 100 0 50 300 50 0 0 0 0 0",
                "cpu1 200 0 50 300 0 0 0 0 0 0",
                "intr 12345"));
    List<long[]> after =
        MachineCpu.parse(
            List.of("cpu0 190 0 50 300 60 0 0 0 0 0", "cpu1 250 0 100 400 0 0 0 0 0 0"));
    assertThat(MachineCpu.busy(before, after)).containsExactly(0.9, 0.5);
    // Linux tells; elsewhere the report leaves the column empty.
    assertThat(MachineCpu.read().isEmpty()).isEqualTo(!Files.isReadable(Path.of("/proc/stat")));
  }

  @Test
  void theEvaluatorIsConfined_onlyWithACoreLeftOver() {
    assertThat(Cores.list(0, 0)).isEqualTo("0");
    assertThat(Cores.list(1, 3)).isEqualTo("1-3");
    assertThat(Cores.canConfine(0, 2)).as("asked for none").isFalse();
    assertThat(Cores.canConfine(2, 2)).as("none left for the others").isFalse();
    assertThat(Cores.canConfine(1, 1)).isFalse();
    assertThat(Cores.allowed(Long.MAX_VALUE)).isEqualTo("?");
  }

  @Test
  void percentiles_areTheNearestRank() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(ThreadedGenerator.percentile(sorted, 50)).isEqualTo(5);
    assertThat(ThreadedGenerator.percentile(sorted, 99)).isEqualTo(10);
    assertThat(ThreadedGenerator.percentile(new long[0], 50)).isNaN();
  }

  @Test
  void theReport_listsEachScenario_besideEdgesPublishedFigure_inATableAndAChart() {
    ThroughputReport report =
        new ThroughputReport(
            ThroughputOptions.DEFAULTS,
            "wrk",
            "Nothing confined",
            List.of(
                new Measured(
                    Scenario.EVERY_FLAG, 30_000, 0, 10, 900, 2500, 10, List.of(0.994, 0.5)),
                new Measured(Scenario.EVERY_VALUE, 60_000, 2, 10, 400, 1200, 9.5, List.of())),
            List.of(31_000, 10_500));
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.markdown())
        .contains(
            "| every flag, evaluations | 30.3 KB | 3,000 | 1.00 | 3,000 | 0.90 ms | 2.50 ms | 0 |")
        .contains("| every flag, values only | 10.3 KB | 6,000 | 0.95 | 6,316 |")
        .contains("Unleash Edge `/api/frontend`, 350 features (published)");
    assertThat(report.csv().lines()).hasSize(3);
    assertThat(report.chart())
        .contains(">Flagstream, every flag, values only</text>")
        .contains(">6,316</text>")
        .contains(">6,900</text>");
  }
}
