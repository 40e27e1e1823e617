package dev.flagstream.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void noArguments_areTheIssuesTargets() {
    assertThat(Options.parse())
        .isEqualTo(
            new Options(
                1000, 60, 100, 5000, 20, Path.of("target", "propagation"), Map.of(), Map.of()));
  }

  @Test
  void eachOption_setsItsOwnValueOnly() {
    assertThat(Options.parse("--writes-per-second", "7", "--out", "x"))
        .isEqualTo(new Options(1000, 60, 7, 5000, 20, Path.of("x"), Map.of(), Map.of()));
  }

  @Test
  void serviceSettings_areNameValuePairs_forTheirService() {
    Options options =
        Options.parse(
            "--admin", "flags.cdc.poll-interval=1ms", "--evaluator", "a.b=c=d", "--admin", "x=");

    assertThat(options.adminSettings())
        .containsExactlyInAnyOrderEntriesOf(Map.of("flags.cdc.poll-interval", "1ms", "x", ""));
    assertThat(options.evaluatorSettings()).containsExactlyEntriesOf(Map.of("a.b", "c=d"));
    assertThatThrownBy(() -> Options.parse("--admin", "=1")).hasMessageContaining("name=value");
  }

  @Test
  void anUnknownOption_orOneWithoutValue_isRefusedByName() {
    assertThatThrownBy(() -> Options.parse("--speed", "1"))
        .hasMessageContaining("--speed")
        .hasMessageContaining("--changes");
    assertThatThrownBy(() -> Options.parse("--changes")).hasMessageContaining("--changes");
  }
}
