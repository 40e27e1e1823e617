package dev.flagstream.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.benchmarks.platform.Distribution;
import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.SmokePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The propagation harness, run with tiny numbers so that it cannot rot: every change reaches every
 * consumer and the report, raw figures and charts are written. Its speed is not checked here.
 */
@ExtendWith(SmokePlatform.class)
class PropagationHarnessIT {
  @Test
  void aSmallRun_seesEveryChangeAtEveryConsumer_andWritesItsReport(HarnessPlatform platform)
      throws Exception {
    Path out = Path.of("target", "propagation-smoke");
    Options options =
        Options.parse(
            "--changes", "20",
            "--load-seconds", "2",
            "--writes-per-second", "10",
            "--evaluations-per-second", "100",
            "--flags", "4",
            "--out", out.toString());

    PropagationReport report = PropagationHarness.run(platform, options);

    assertThat(report.lost()).isZero();
    assertThat(report.sequential().consumers())
        .extracting(Distribution::consumer)
        .containsExactly("evaluator HTTP", "Java client listener", "browser stream (SSE)");
    assertThat(report.sequential().consumers())
        .allSatisfy(consumer -> assertThat(consumer.millis()).hasSize(20));
    assertThat(report.sequential().fromCommit().millis()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(report.loaded().consumers()).hasSize(3);
    // Two writers at 10 a second for 2 s; the probe flag takes every fourth change.
    assertThat(report.loaded().consumers().get(1).millis()).hasSize(20);
    assertThat(report.loaded().consumers().get(0).millis()).hasSize(5);
    assertThat(report.sequential().hops())
        .hasSize(3)
        .allSatisfy(hop -> assertThat(hop.count()).isGreaterThanOrEqualTo(20));
    assertThat(Files.readString(out.resolve("propagation.md")))
        .contains("| browser stream (SSE) | 20 |");
    assertThat(out.resolve("propagation-one-at-a-time.svg")).content().startsWith("<svg");
    assertThat(out.resolve("propagation-under-load.svg")).isRegularFile();
    assertThat(out.resolve("propagation-contrast.svg")).content().contains("cache TTL 60 s");
    assertThat(Files.readAllLines(out.resolve("propagation.csv"))).hasSize(1 + 60 + 45);
  }
}
