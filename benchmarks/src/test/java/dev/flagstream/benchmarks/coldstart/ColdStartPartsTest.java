package dev.flagstream.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.benchmarks.platform.Heap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartPartsTest {
  @Test
  void options_haveDefaults_andRefuseWhatTheyDoNotKnow() {
    assertThat(ColdStartOptions.parse()).isEqualTo(ColdStartOptions.DEFAULTS);
    assertThat(ColdStartOptions.parse("--flags", "5", "--out", "x"))
        .isEqualTo(new ColdStartOptions(5, 3, Path.of("x")));
    assertThat(ColdStartOptions.parse("--starts", "1").starts()).isEqualTo(1);
    assertThatThrownBy(() -> ColdStartOptions.parse("--changes", "5"))
        .hasMessageContaining("--flags");
  }

  @Test
  void theHeapInUse_isReadFromJcmdsHeapInfo() {
    String g1 =
        "12345:\n garbage-first heap   total 262144K, used 81234K [0x0000000700000000,"
            + " 0x0000000800000000)\n  region size 1024K, 3 young (3072K), 0 survivors (0K)\n";
    assertThat(Heap.used(g1)).isEqualTo(81234L * 1024);
    assertThatThrownBy(() -> Heap.used("no such process")).hasMessageContaining("no such process");
    assertThat(Heap.ofThisJvm()).isPositive();
  }

  @Test
  void theReport_setsEachFigureBesideItsTarget() {
    ColdStartReport report =
        new ColdStartReport(
            new ColdStartOptions(100_000, 3, Path.of("x")),
            Duration.ofSeconds(50),
            Duration.ofSeconds(52),
            List.of(Duration.ofMillis(7_100), Duration.ofMillis(6_500), Duration.ofMillis(6_000)),
            List.of(Duration.ofMillis(8_250), Duration.ofMillis(9_000), Duration.ofMillis(8_000)),
            100_000,
            96L * 1048576,
            Duration.ofMillis(1_500),
            100_000,
            64L * 1048576,
            List.of(
                Duration.ofMillis(900),
                Duration.ofMillis(300),
                Duration.ofMillis(310),
                Duration.ofMillis(320),
                Duration.ofMillis(305)),
            List.of(Duration.ofMillis(40), Duration.ofMillis(20), Duration.ofMillis(30)),
            21_000_000);
    assertThat(report.snapshotAfterChange()).isEqualTo(Duration.ofMillis(310));
    assertThat(report.snapshotUnchanged()).isEqualTo(Duration.ofMillis(30));
    assertThat(report.markdown())
        .contains(
            "| evaluator, launch to ready, empty topic, median of 3: 7.1, 6.5, 6.0 s | 6.50 s |  |")
        .contains(
            "| evaluator, launch to ready, 100,000 flags (100,000 held), median of 3: 8.3, 9.0,"
                + " 8.0 s | 8.25 s | < 5 s |")
        .contains("| of which reading the flags (the difference) | 1.75 s |  |")
        .contains("| evaluator heap after a full collection | 96 MiB | < 256 MiB |")
        .contains(
            "| admin snapshot of 100,000 flags (21.0 MB) right after a change, median of 5"
                + " | 0.31 s | < 1 s |")
        .contains("| admin snapshot with nothing changed, median of 3 | 0.03 s | < 1 s |")
        .contains("| import of 100,000 flags through the admin API | 50.00 s (2,000 flags/s) |  |");
    assertThat(report.csv().lines()).hasSize(14).contains("evaluator_heap_bytes,100663296");
    assertThat(report.chart())
        .contains(">Java client, every flag</text>")
        .contains(">8.25 s</text>")
        .contains(">admin snapshot, unchanged</text>");
  }
}
