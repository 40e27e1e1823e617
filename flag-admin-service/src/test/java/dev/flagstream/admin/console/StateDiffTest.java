package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.console.StateDiff.Change;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StateDiffTest {
  private final StateDiff diff = new StateDiff(JsonMapper.builder().build());

  @Test
  void between_toggled_saysOffToOnAndLeavesTheServicesFieldsOut() {
    assertThat(
            diff.between(
                "{\"name\":\"a\",\"enabled\":false,\"version\":1,\"updatedAt\":\"x\"}",
                "{\"name\":\"a\",\"enabled\":true,\"version\":2,\"updatedAt\":\"y\"}"))
        .containsExactly(new Change("State", "off", "on"));
  }

  @Test
  void between_rolloutAndDescription_inTheOrderPeopleReadThem() {
    assertThat(
            diff.between(
                "{\"description\":\"old\",\"rolloutPercentage\":10}",
                "{\"description\":\"new\",\"rolloutPercentage\":60}"))
        .containsExactly(
            new Change("Rollout", "10 %", "60 %"), new Change("Description", "old", "new"));
  }

  @Test
  void between_allowlist_namesWhoLeftAndWhoJoined() {
    assertThat(
            diff.between("{\"userAllowlist\":[\"a\",\"b\"]}", "{\"userAllowlist\":[\"b\",\"c\"]}"))
        .containsExactly(new Change("Allowlist", "removed a", "added c"));
    assertThat(diff.between("{\"userAllowlist\":[]}", "{\"userAllowlist\":[\"c\",\"d\"]}"))
        .containsExactly(new Change("Allowlist", "", "added c, d"));
  }

  @Test
  void between_created_showsEveryFieldAsNew() {
    assertThat(
            diff.between(null, "{\"name\":\"a\",\"enabled\":false,\"metadata\":{\"team\":\"x\"}}"))
        .containsExactly(
            new Change("State", "", "off"),
            new Change("Metadata", "", "{\"team\":\"x\"}"),
            new Change("Name", "", "a"));
  }

  @Test
  void between_deleted_showsWhatWasThere() {
    assertThat(diff.between("{\"rolloutPercentage\":5}", null))
        .containsExactly(new Change("Rollout", "5 %", ""));
  }

  @Test
  void between_otherTargets_listsTheirFieldsByName() {
    assertThat(diff.between("{\"b\":1,\"a\":true}", "{\"b\":2,\"a\":true}"))
        .containsExactly(new Change("b", "1", "2"));
    assertThat(diff.between("", "  ")).isEmpty();
  }

  @Test
  void between_listAgainstNonList_showsBothValues() {
    assertThat(diff.between("{\"userAllowlist\":null}", "{\"userAllowlist\":[\"a\"]}"))
        .containsExactly(new Change("Allowlist", "", "[\"a\"]"));
  }
}
