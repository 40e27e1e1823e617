package dev.flagstream.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The peers' comparison, run with tiny numbers in this JVM so that it cannot rot: every SDK sets up
 * (each setup checks that it splits the users about in half), is measured, and lands in the report.
 * Its speed is not checked.
 */
class PeersHarnessIT {
  @Test
  void aSmallRun_measuresEverySdk_andWritesItsReport() throws Exception {
    Path out = Path.of("target", "peers-smoke");

    PeersReport report =
        PeersHarness.run(
            PeersOptions.parse(
                "--warmups",
                "0",
                "--iterations",
                "1",
                "--millis",
                "100",
                "--forks",
                "0",
                "--out",
                out.toString()));

    assertThat(report.rows())
        .extracting(row -> row.sdk().name())
        .containsExactlyInAnyOrder("Flagstream", "LaunchDarkly", "flagd", "Unleash");
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.nanos()).isPositive());
    assertThat(out.resolve("peers.md")).content().contains("| Flagstream | this build |");
    assertThat(out.resolve("peers.csv")).content().hasLineCount(5);
    assertThat(out.resolve("peers.svg")).content().startsWith("<svg").contains("flagd ");
  }
}
