package dev.flagstream.benchmarks.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.SmokePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fan-out harness, run with tiny numbers so that it cannot rot: every change reaches every
 * stream, the evaluator's files and memory are read, and the report, raw figures and chart are
 * written. Its speed is not checked.
 */
@ExtendWith(SmokePlatform.class)
class FanoutHarnessIT {
  @Test
  void aSmallRun_deliversEveryChangeToEveryStream_andWritesItsReport(HarnessPlatform platform)
      throws Exception {
    Path out = Path.of("target", "fanout-smoke");
    FanoutOptions options =
        FanoutOptions.parse(
            "--streams",
            "40",
            "--changes",
            "2",
            "--warmup-changes",
            "1",
            "--flags",
            "3",
            "--out",
            out.toString());

    FanoutReport report = FanoutHarness.run(platform, options);

    assertThat(report.opened()).isEqualTo(40);
    assertThat(report.failed()).isZero();
    assertThat(report.lost()).isZero();
    assertThat(report.deliveries())
        .hasSize(2)
        .allSatisfy(change -> assertThat(change.millis()).hasSize(40));
    assertThat(report.open().openFiles())
        .as("a stream is a socket")
        .isGreaterThanOrEqualTo(report.before().openFiles() + 40);
    assertThat(report.heapOpen()).isPositive();
    assertThat(report.mostThreads()).isPositive();
    assertThat(Files.readString(out.resolve("fanout.md")))
        .contains("one change to 40 browser streams")
        .contains("| all changes | 80 |");
    assertThat(Files.readAllLines(out.resolve("fanout.csv"))).hasSize(1 + 3 + 2 * 3 + 7);
    assertThat(out.resolve("fanout.svg")).content().startsWith("<svg");
  }
}
