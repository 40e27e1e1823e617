package dev.flagstream.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void noArguments_areTheIssuesTargets() {
    assertThat(Options.parse())
        .isEqualTo(new Options(1000, 60, 100, 5000, 20, Path.of("target", "propagation")));
  }

  @Test
  void eachOption_setsItsOwnValueOnly() {
    assertThat(Options.parse("--writes-per-second", "7", "--out", "x"))
        .isEqualTo(new Options(1000, 60, 7, 5000, 20, Path.of("x")));
  }

  @Test
  void anUnknownOption_orOneWithoutValue_isRefusedByName() {
    assertThatThrownBy(() -> Options.parse("--speed", "1"))
        .hasMessageContaining("--speed")
        .hasMessageContaining("--changes");
    assertThatThrownBy(() -> Options.parse("--changes")).hasMessageContaining("--changes");
  }
}
