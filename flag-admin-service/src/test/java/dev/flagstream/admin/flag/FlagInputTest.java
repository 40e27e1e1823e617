package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading request bodies field by field, without the HTTP around it. */
class FlagInputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String USER = "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c";

  private static JsonNode body(String json) {
    return JSON.readTree(json);
  }

  /** The violations of the 400 that {@code read} throws, after checking it is one. */
  @SuppressWarnings("unchecked")
  static List<Violation> violations(Runnable read) {
    ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, read::run);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    Map<String, Object> properties = refused.getBody().getProperties();
    assertThat(properties).as("problem properties").isNotNull();
    return (List<Violation>) properties.get("violations");
  }

  /** The fields the 400 that {@code read} throws names. */
  private static List<String> refused(Runnable read) {
    return violations(read).stream().map(Violation::field).toList();
  }

  @Test
  void create_readsEveryField_andKeepsTheDefaultsOfTheRest() {
    Flag flag =
        FlagInput.forCreate(
            body(
                "{\"name\":\"checkout\",\"rolloutPercentage\":5,\"userAllowlist\":[\""
                    + USER
                    + "\"],\"metadata\":{\"team\":\"pay\"}}"),
            JSON);
    assertThat(flag.name()).isEqualTo("checkout");
    assertThat(flag.rolloutPercentage()).isEqualTo(5);
    assertThat(flag.enabled()).as("the database default").isFalse();
    assertThat(flag.description()).isEmpty();
    assertThat(flag.userAllowlist()).containsExactly(UUID.fromString(USER));
    assertThat(flag.metadata()).containsEntry("team", "pay");
  }

  @Test
  void create_withoutAName_stillReportsEveryOtherField() {
    assertThat(
            refused(
                () ->
                    FlagInput.forCreate(
                        body("{\"enabled\":\"yes\",\"rolloutPercentage\":300,\"description\":1}"),
                        JSON)))
        .containsExactlyInAnyOrder("name", "enabled", "rolloutPercentage", "description");
  }

  @Test
  void enabled_isTheOnlyFieldReadAsABoolean() {
    assertThat(refused(() -> FlagInput.forCreate(body("{\"name\":\"a\",\"enabled\":1}"), JSON)))
        .containsExactly("enabled");
    assertThat(FlagInput.forCreate(body("{\"name\":\"a\",\"enabled\":true}"), JSON).enabled())
        .isTrue();
  }

  @Test
  void patch_leavesAbsentFieldsAsTheyAre_andNullClears() {
    Flag current =
        Flag.builder("a")
            .description("d")
            .userAllowlist(List.of(UUID.fromString(USER)))
            .metadata(Map.of("k", "v"))
            .build();
    Flag patched =
        FlagInput.forPatch(current, body("{\"userAllowlist\":null,\"metadata\":null}"), JSON);
    assertThat(patched.description()).isEqualTo("d");
    assertThat(patched.userAllowlist()).isEmpty();
    assertThat(patched.metadata()).isEmpty();
  }

  @Test
  void rollout_isReadAsAWholeNumberFromZeroToAHundred() {
    assertThat(FlagInput.forRollout(body("{\"rolloutPercentage\":0}"))).isZero();
    assertThat(FlagInput.forRollout(body("{\"rolloutPercentage\":100}"))).isEqualTo(100);
    assertThat(refused(() -> FlagInput.forRollout(body("{}"))))
        .containsExactly("rolloutPercentage");
    assertThat(refused(() -> FlagInput.forRollout(body("{\"rolloutPercentage\":101}"))))
        .containsExactly("rolloutPercentage");
    assertThat(refused(() -> FlagInput.forRollout(body("{\"rolloutPercentage\":-1}"))))
        .containsExactly("rolloutPercentage");
    assertThat(refused(() -> FlagInput.forRollout(null))).containsExactly("");
  }

  @Test
  void toggle_takesAnOptionalBoolean() {
    assertThat(FlagInput.forToggle(null)).isNull();
    assertThat(FlagInput.forToggle(body("{}"))).isNull();
    assertThat(FlagInput.forToggle(body("{\"enabled\":false}"))).isFalse();
    assertThat(refused(() -> FlagInput.forToggle(body("{\"enabled\":\"no\"}"))))
        .containsExactly("enabled");
  }

  @Test
  void revert_takesTheIdOfAnAuditEntry_andNothingElse() {
    assertThat(FlagInput.forRevert(body("{\"auditId\":42}"))).isEqualTo(42);
    assertThat(refused(() -> FlagInput.forRevert(body("{}")))).containsExactly("auditId");
    assertThat(refused(() -> FlagInput.forRevert(body("{\"auditId\":\"42\"}"))))
        .containsExactly("auditId");
    assertThat(refused(() -> FlagInput.forRevert(body("{\"auditId\":4.2}"))))
        .containsExactly("auditId");
    assertThat(refused(() -> FlagInput.forRevert(body("{\"auditId\":42,\"force\":true}"))))
        .containsExactly("force");
    assertThat(refused(() -> FlagInput.forRevert(body("[42]")))).containsExactly("");
  }
}
