package dev.flagstream.benchmarks.writes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.benchmarks.platform.HarnessPlatform;
import dev.flagstream.benchmarks.platform.SmokePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-path harness, run with tiny numbers so that it cannot rot: every write is answered and
 * captured, the capture's timers and the stores' sizes are read, and the report is written. Its
 * speed is not checked.
 */
@ExtendWith(SmokePlatform.class)
class WritesHarnessIT {
  @Test
  void aSmallRun_answersAndCapturesEveryWrite_andReadsTheStores(HarnessPlatform platform)
      throws Exception {
    Path out = Path.of("target", "writes-smoke");
    WritesOptions options =
        WritesOptions.parse(
            "--writes-per-second", "20",
            "--seconds", "1",
            "--warmup-seconds", "1",
            "--flags", "5",
            "--connections", "4",
            "--changes", "60",
            "--out", out.toString());

    WritesReport report = WritesHarness.run(platform, options);

    assertThat(report.sustained().asked()).isEqualTo(20);
    assertThat(report.sustained().answered()).isEqualTo(20);
    assertThat(report.sustained().failed()).isZero();
    assertThat(report.capture().get(0).count())
        .as("each measured write captured once")
        .isGreaterThanOrEqualTo(20);
    assertThat(report.bulk()).isNotNull();
    assertThat(report.changes()).isEqualTo(60);
    assertThat(report.sizes().topicRecordsWritten()).isGreaterThanOrEqualTo(5 + 60);
    assertThat(report.sizes().topicBytes()).isPositive();
    assertThat(report.sizes().databaseBytes()).isPositive();
    assertThat(report.sizes().tables()).extracting(Sizes.Table::name).contains("feature_flags");
    assertThat(Files.readString(out.resolve("writes.md")))
        .contains("| admin write, from when it was due to its answer | 20 |")
        .contains("### The stores after 60 changes");
    assertThat(out.resolve("writes.svg")).content().startsWith("<svg");
  }
}
