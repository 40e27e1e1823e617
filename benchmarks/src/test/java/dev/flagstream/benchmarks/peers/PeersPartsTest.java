package dev.flagstream.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersPartsTest {
  private static final PeersReport.Row FLAGSTREAM =
      new PeersReport.Row(Sdk.of("flagstream"), 40.0, 2.0, 0.001);
  private static final PeersReport.Row LAUNCH_DARKLY =
      new PeersReport.Row(Sdk.of("launchDarkly"), 260.0, 12.5, 808);
  private static final PeersReport.Row UNLEASH =
      new PeersReport.Row(Sdk.of("unleash"), 9_000.0, Double.NaN, 2_900);

  @Test
  void leads_arePeerTimeOverFlagstreamTime_andRowsGoFastestFirst(@TempDir Path out) {
    PeersReport report = new PeersReport(out, List.of(UNLEASH, FLAGSTREAM, LAUNCH_DARKLY));

    assertThat(report.rows()).containsExactly(FLAGSTREAM, LAUNCH_DARKLY, UNLEASH);
    assertThat(report.lead(LAUNCH_DARKLY)).isCloseTo(6.5, within(1e-9));
    assertThat(report.lead(UNLEASH)).isCloseTo(225.0, within(1e-9));
    assertThat(LAUNCH_DARKLY.perSecond()).isCloseTo(1e9 / 260, within(1e-6));
  }

  @Test
  void writesTheTable_theRawFigures_andTheChart(@TempDir Path out) throws Exception {
    PeersReport report = new PeersReport(out, List.of(FLAGSTREAM, LAUNCH_DARKLY, UNLEASH));

    report.write();

    String versionOfLaunchDarkly = LAUNCH_DARKLY.sdk().version();
    assertThat(Files.readString(out.resolve("peers.md")))
        .contains("| Flagstream | this build | 40.0 ± 2.0 ns | 0 |  |")
        .contains("| LaunchDarkly | " + versionOfLaunchDarkly + " | 260 ± 13 ns | 808 | 6.5× |")
        .contains("| 9,000 ns | 2,900 | 225.0× |");
    assertThat(Files.readAllLines(out.resolve("peers.csv")))
        .hasSize(4)
        .contains("Flagstream,this build,40.000,2.000,0.001,1.000");
    assertThat(out.resolve("peers.svg"))
        .content()
        .startsWith("<svg")
        .contains("25.0 M/s · 40.0±2.0 ns · 0 B")
        .contains("LaunchDarkly " + versionOfLaunchDarkly)
        .contains("111 k/s");
  }

  @Test
  void aRunWithoutFlagstream_hasNothingToCompareWith() {
    assertThatThrownBy(() -> new PeersReport(Path.of("x"), List.of(LAUNCH_DARKLY)))
        .hasMessage("Flagstream did not run");
  }

  @Test
  void eachPeer_isNamedWithTheVersionOnTheClassPath() {
    assertThat(Sdk.of("launchDarkly").label()).matches("LaunchDarkly \\d+\\.\\d+\\.\\d+");
    assertThat(Sdk.of("flagd").version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(Sdk.of("unleash").version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(Sdk.of("flagstream").label()).isEqualTo("Flagstream");
    assertThatThrownBy(() -> Sdk.of("growthbook"))
        .hasMessage("No SDK behind the benchmark growthbook");
  }

  @Test
  void options_defaultToTheRecordedRun_andTakeEveryNumber() {
    assertThat(PeersOptions.parse()).isEqualTo(PeersOptions.DEFAULTS);
    assertThat(
            PeersOptions.parse(
                "--warmups",
                "0",
                "--iterations",
                "2",
                "--millis",
                "50",
                "--forks",
                "0",
                "--out",
                "o"))
        .isEqualTo(new PeersOptions(0, 2, 50, 0, Path.of("o")));
    assertThat(PeersOptions.parse("--iterations", "0", "--millis", "-3").iterations()).isOne();
    assertThatThrownBy(() -> PeersOptions.parse("--threads", "2"))
        .hasMessageStartingWith("Unknown option --threads");
  }
}
