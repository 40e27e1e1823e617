package dev.flagstream.benchmarks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static final List<String> NUMBERS = List.of("--flags", "--seconds");
  private static final List<String> SETTINGS = List.of("--evaluator");

  @Test
  void givenValues_replaceTheDefaults_andTheRestStay() {
    Arguments given =
        Arguments.parse(
            NUMBERS,
            SETTINGS,
            "--flags",
            "7",
            "--evaluator",
            "a.b=c=d",
            "--evaluator",
            "x=",
            "--evaluator",
            "a.b=e",
            "--out",
            "there");

    assertThat(given.number("--flags", 1)).isEqualTo(7);
    assertThat(given.number("--seconds", 30)).isEqualTo(30);
    assertThat(given.out(Path.of("here"))).isEqualTo(Path.of("there"));
    assertThat(given.settings("--evaluator"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a.b", "e", "x", ""));
    assertThat(Arguments.parse(NUMBERS, SETTINGS).out(Path.of("here"))).isEqualTo(Path.of("here"));
    assertThat(Arguments.parse(NUMBERS, SETTINGS).settings("--evaluator")).isEmpty();
  }

  @Test
  void whatCannotBeRead_isRefused_namingTheOption() {
    assertThatThrownBy(() -> Arguments.parse(NUMBERS, SETTINGS, "--speed", "1"))
        .hasMessage("Unknown option --speed; known: --flags, --seconds, --out, --evaluator");
    assertThatThrownBy(() -> Arguments.parse(NUMBERS, List.of(), "--evaluator", "a=b"))
        .hasMessage("Unknown option --evaluator; known: --flags, --seconds, --out");
    assertThatThrownBy(() -> Arguments.parse(NUMBERS, SETTINGS, "--flags"))
        .hasMessage("Option --flags has no value");
    assertThatThrownBy(() -> Arguments.parse(NUMBERS, SETTINGS, "--flags", "many"))
        .hasMessage("--flags takes a whole number, not many");
    assertThatThrownBy(() -> Arguments.parse(NUMBERS, SETTINGS, "--evaluator", "=1"))
        .hasMessage("--evaluator takes name=value, not =1");
  }
}
