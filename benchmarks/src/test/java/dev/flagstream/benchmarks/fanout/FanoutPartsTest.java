package dev.flagstream.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.benchmarks.platform.Distribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanoutPartsTest {
  @Test
  void options_haveTheIssuesTargetAsDefaults_andRefuseWhatTheyDoNotKnow() {
    assertThat(FanoutOptions.parse()).isEqualTo(FanoutOptions.DEFAULTS);
    assertThat(FanoutOptions.DEFAULTS.streams()).isEqualTo(20_000);
    assertThat(FanoutOptions.parse("--streams", "5", "--evaluator", "a=b", "--out", "x"))
        .isEqualTo(new FanoutOptions(5, 5, 3, 20, Path.of("x"), Map.of("a", "b")));
    assertThatThrownBy(() -> FanoutOptions.parse("--writes", "5"))
        .hasMessageContaining("--streams");
  }

  @Test
  void theEvaluator_allowsTheStreamsTheRunOpens_unlessTheRunSaysOtherwise() {
    Map<String, String> settings =
        FanoutHarness.evaluatorSettings(
            FanoutOptions.parse("--streams", "9000", "--evaluator", "flags.stream.max-open=7"));

    assertThat(settings)
        .containsEntry("flags.stream.max-open", "7")
        .containsEntry("flags.stream.max-open-per-key", "9100")
        .containsEntry("server.tomcat.max-connections", "10000");
  }

  @Test
  void procStatus_isReadByFieldName() throws Exception {
    List<String> status = List.of("Name:\tjava", "VmRSS:\t  123456 kB", "Threads:\t42");
    assertThat(ProcessStatus.field(status, "VmRSS:")).isEqualTo(123456);
    assertThat(ProcessStatus.field(status, "Threads:")).isEqualTo(42);
    assertThatThrownBy(() -> ProcessStatus.field(status, "VmHWM:")).hasMessageContaining("VmHWM");
    List<String> limits =
        List.of(
            "Limit                     Soft Limit           Hard Limit           Units",
            "Max open files            20000                20000                files");
    assertThat(ProcessStatus.maxOpenFiles(limits)).isEqualTo(20_000);
    assertThat(ProcessStatus.of(ProcessHandle.current().pid()).threads()).isPositive();
  }

  @Test
  void theReport_setsEachFigureBesideItsTarget_andSaysWhyFewerStreamsOpened() {
    FanoutReport report =
        new FanoutReport(
            FanoutOptions.parse("--streams", "20000"),
            19_700,
            19_700,
            0,
            new ProcessStatus(300L << 20, 50, 100, 20_000),
            new ProcessStatus(300L * 1024 * 1024 + 19_700L * 10 * 1024, 60, 19_800, 20_000),
            100L << 20,
            (100L << 20) + 19_700L * 30 * 1024,
            List.of(70, 80),
            List.of(
                Distribution.ofNanos("change 1", List.of(100_000_000L, 900_000_000L)),
                Distribution.ofNanos("change 2", List.of(200_000_000L, -1L))));

    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.residentPerStream()).isEqualTo(10.0);
    assertThat(report.heapPerStream()).isEqualTo(30.0);
    assertThat(report.mostThreads()).isEqualTo(80);
    assertThat(report.markdown())
        .contains(
            "20,000 streams asked for, 19,700 tried, 19,700 opened, 0 refused or failed. 5 changes measured, after 3 unmeasured.")
        .contains("may open 20,000 files (RLIMIT_NOFILE) and had 100 open")
        .contains("| all changes | 3 | 200.0 | 900.0 | 900.0 | 900.0 | 1 |")
        .contains("p99 900 ms, not met") // one arrival lost
        .contains("| resident memory, after a full collection | 300 MiB | 492 MiB | 10.0 KiB |")
        .contains("10.0 KiB resident, 30.0 KiB of heap, met");
  }
}
