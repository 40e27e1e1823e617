package dev.flagstream.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The cold-start harness, run with tiny numbers so that it cannot rot: every part holds every flag
 * once ready, and the report, raw figures and chart are written. Its speed is not checked.
 */
class ColdStartHarnessIT {
  @Test
  void aSmallRun_seesEveryFlagInEveryPart_andWritesItsReport() throws Exception {
    Path out = Path.of("target", "coldstart-smoke");

    ColdStartReport report =
        ColdStartHarness.run(
            ColdStartOptions.parse("--flags", "300", "--starts", "1", "--out", out.toString()));

    assertThat(report.held()).isEqualTo(300);
    assertThat(report.clientFlags()).isEqualTo(300);
    assertThat(report.evaluatorHeap()).isPositive();
    assertThat(report.snapshotsAfterChange()).hasSize(ColdStartHarness.SNAPSHOTS);
    assertThat(report.snapshotsUnchanged()).hasSize(ColdStartHarness.SNAPSHOTS);
    assertThat(report.snapshotBytes()).isGreaterThan(300 * 50);
    assertThat(report.fullStart()).isPositive();
    assertThat(Files.readString(out.resolve("coldstart.md")))
        .contains("| evaluator, launch to ready, 300 flags (300 held) |");
    assertThat(Files.readAllLines(out.resolve("coldstart.csv"))).hasSize(14);
    assertThat(out.resolve("coldstart.svg")).content().startsWith("<svg");
  }
}
