package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EnvironmentSwitchesTest {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void document_switches_becomeFlagsNamedInLowerCase() {
    List<Violation> problems = new ArrayList<>();

    ObjectNode document =
        EnvironmentSwitches.document(
            "# deploy switches\nENABLE_REGISTRATION=true\n\nexport NEW_SEARCH = \"off\"\nBETA='1'\n",
            json,
            problems);

    assertThat(problems).isEmpty();
    assertThat(document.get("format").asString()).isEqualTo("flagstream.flags/1");
    assertThat(document.get("flags").toString())
        .isEqualTo(
            "[{\"name\":\"enable_registration\",\"description\":\"Was the environment variable"
                + " ENABLE_REGISTRATION\",\"enabled\":true},"
                + "{\"name\":\"new_search\",\"description\":\"Was the environment variable"
                + " NEW_SEARCH\",\"enabled\":false},"
                + "{\"name\":\"beta\",\"description\":\"Was the environment variable BETA\","
                + "\"enabled\":true}]");
  }

  @Test
  void document_linesThatAreNoSwitch_areNamedByLine() {
    List<Violation> problems = new ArrayList<>();

    ObjectNode document =
        EnvironmentSwitches.document("A=maybe\n=true\nNOTHING\nB=no\nC=\"\nD=YES", json, problems);

    assertThat(problems)
        .extracting(Violation::field)
        .containsExactly("line 1", "line 2", "line 3", "line 5");
    assertThat(document.get("flags").size()).isEqualTo(2);
  }

  @Test
  void looksLikeSwitches_tellsThemFromJson() {
    assertThat(EnvironmentSwitches.looksLikeSwitches("A=true")).isTrue();
    assertThat(EnvironmentSwitches.looksLikeSwitches("  {\"flags\":[]}")).isFalse();
    assertThat(EnvironmentSwitches.looksLikeSwitches("[]")).isFalse();
    assertThat(EnvironmentSwitches.looksLikeSwitches("  \n ")).isFalse();
  }
}
