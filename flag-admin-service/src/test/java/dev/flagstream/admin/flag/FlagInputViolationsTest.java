package dev.flagstream.admin.flag;

import static dev.flagstream.admin.flag.FlagInputTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/** What a refused request is told, field by field: the {@code violations} of its 400. */
class FlagInputViolationsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String USER = "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c";
  private static final String UUID_FORM =
      "must be a user id in UUID form, such as 123e4567-e89b-12d3-a456-426614174000";
  private static final Flag CURRENT = Flag.builder("checkout").description("d").version(4).build();

  private static JsonNode body(String json) {
    return JSON.readTree(json);
  }

  private static List<Violation> create(String json) {
    return violations(() -> FlagInput.forCreate(body(json), JSON));
  }

  private static List<Violation> patch(String json) {
    return violations(() -> FlagInput.forPatch(CURRENT, body(json), JSON));
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  @Test
  void aBodyThatIsNoObject_isRefusedAsAWhole() {
    Violation noObject = new Violation("", "the body must be a JSON object");
    for (String json : new String[] {"[]", "\"checkout\"", "null", "7"}) {
      assertThat(create(json)).as(json).containsExactly(noObject);
      assertThat(patch(json)).as(json).containsExactly(noObject);
    }
    assertThat(violations(() -> FlagInput.forCreate(null, JSON))).containsExactly(noObject);
    assertThat(violations(() -> FlagInput.forPatch(CURRENT, null, JSON))).containsExactly(noObject);
    assertThat(violations(() -> FlagInput.forToggle(body("[true]")))).containsExactly(noObject);
    assertThat(violations(() -> FlagInput.forRevert(null))).containsExactly(noObject);
  }

  @Test
  void patch_fieldsChangedElsewhere_sayWhere_andOthersCannotBeSet() {
    assertThat(patch("{\"name\":\"b\",\"enabled\":true,\"rolloutPercentage\":5,\"version\":9}"))
        .containsExactlyInAnyOrder(
            new Violation("name", "cannot be changed; create a flag under the new name"),
            new Violation("enabled", "is changed with POST /api/admin/flags/{name}/toggle"),
            new Violation(
                "rolloutPercentage", "is changed with PUT /api/admin/flags/{name}/rollout"),
            new Violation("version", "is not a field that can be set here"));
  }

  @Test
  void create_fieldsTheServiceSets_cannotBeSet() {
    assertThat(create("{\"name\":\"a\",\"version\":9,\"createdBy\":\"" + USER + "\"}"))
        .containsExactlyInAnyOrder(
            new Violation("version", "is not a field that can be set here"),
            new Violation("createdBy", "is not a field that can be set here"));
  }

  @Test
  void create_theName_isARequiredStringThatFollowsTheNameRule() {
    assertThat(create("{}")).containsExactly(new Violation("name", "is required"));
    assertThat(create("{\"name\":null}")).containsExactly(new Violation("name", "is required"));
    assertThat(create("{\"name\":5}")).containsExactly(new Violation("name", "must be a string"));
    assertThat(create("{\"name\":\"Checkout\"}"))
        .containsExactly(new Violation("name", "must start with a lowercase letter or a digit"));
  }

  @Test
  void create_enabled_mustBeABoolean_evenWhenNull() {
    Violation notBoolean = new Violation("enabled", "must be true or false");
    assertThat(create("{\"name\":\"a\",\"enabled\":\"true\"}")).containsExactly(notBoolean);
    assertThat(create("{\"name\":\"a\",\"enabled\":null}")).containsExactly(notBoolean);
  }

  @Test
  void rollout_outsideZeroToAHundred_orNoWholeNumber_saysWhy() {
    Violation notWhole = new Violation("rolloutPercentage", "must be a whole number from 0 to 100");
    for (String value : new String[] {"5.5", "\"50\"", "true"}) {
      assertThat(
              violations(() -> FlagInput.forRollout(body("{\"rolloutPercentage\":" + value + "}"))))
          .as(value)
          .containsExactly(notWhole);
    }
    assertThat(violations(() -> FlagInput.forRollout(body("{\"rolloutPercentage\":10000000000}"))))
        .containsExactly(new Violation("rolloutPercentage", "must be between 0 and 100"));
    assertThat(create("{\"name\":\"a\",\"rolloutPercentage\":101}"))
        .containsExactly(new Violation("rolloutPercentage", "must be between 0 and 100, is 101"));
    assertThat(violations(() -> FlagInput.forRollout(body("{\"rolloutPercentage\":null}"))))
        .containsExactly(new Violation("rolloutPercentage", "is required"));
  }

  @Test
  void revert_anAuditIdThatIsNoLong_isRefused() {
    Violation noId = new Violation("auditId", "must be the id of an audit entry of this flag");
    for (String value : new String[] {"100000000000000000000", "4.0", "\"4\"", "true"}) {
      assertThat(violations(() -> FlagInput.forRevert(body("{\"auditId\":" + value + "}"))))
          .as(value)
          .containsExactly(noId);
    }
    assertThat(FlagInput.forRevert(body("{\"auditId\":" + Long.MAX_VALUE + "}")))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void description_mustBeAString_ofAtMostAThousandCharacters_reportedOnce() {
    Violation tooLong = new Violation("description", "must be at most 1000 characters");
    String json = "\"" + "x".repeat(1001) + "\"";
    assertThat(create("{\"name\":\"a\",\"description\":" + json + "}")).containsExactly(tooLong);
    assertThat(patch("{\"description\":" + json + "}")).containsExactly(tooLong);
    assertThat(patch("{\"description\":5}"))
        .containsExactly(new Violation("description", "must be a string"));
    String longest = "x".repeat(1000);
    assertThat(FlagInput.forPatch(CURRENT, body("{\"description\":\"" + longest + "\"}"), JSON))
        .extracting(Flag::description)
        .isEqualTo(longest);
  }

  @Test
  void allowlist_namesEachEntryThatIsNoUserId_byItsIndex() {
    assertThat(patch("{\"userAllowlist\":[\"" + USER + "\",5,\"nope\",null,{}]}"))
        .containsExactly(
            new Violation("userAllowlist[1]", UUID_FORM),
            new Violation("userAllowlist[2]", UUID_FORM),
            new Violation("userAllowlist[3]", UUID_FORM),
            new Violation("userAllowlist[4]", UUID_FORM));
    assertThat(patch("{\"userAllowlist\":\"" + USER + "\"}"))
        .containsExactly(new Violation("userAllowlist", "must be an array of user ids"));
  }

  @Test
  void metadata_mustBeAJsonObject_nestedAtMostSixteenDeep_reportedOnce() {
    assertThat(patch("{\"metadata\":[1]}"))
        .containsExactly(new Violation("metadata", "must be a JSON object"));
    assertThat(patch("{\"metadata\":" + nested(17) + "}"))
        .containsExactly(new Violation("metadata", "must be nested at most 16 levels deep"));
    assertThat(create("{\"name\":\"a\",\"metadata\":" + nested(17) + "}"))
        .containsExactly(new Violation("metadata", "must be nested at most 16 levels deep"));
    assertThat(FlagInput.forPatch(CURRENT, body("{\"metadata\":" + nested(16) + "}"), JSON))
        .extracting(Flag::metadata)
        .isNotEqualTo(Map.of());
  }

  @Test
  void create_reportsEveryBadField_evenWithoutAName() {
    assertThat(
            create(
                "{\"description\":\""
                    + "x".repeat(1001)
                    + "\",\"userAllowlist\":[\"nope\"],\"metadata\":"
                    + nested(17)
                    + "}"))
        .containsExactlyInAnyOrder(
            new Violation("name", "is required"),
            new Violation("description", "must be at most 1000 characters"),
            new Violation("userAllowlist[0]", UUID_FORM),
            new Violation("metadata", "must be nested at most 16 levels deep"));
  }

  @Test
  void patch_ofAFlagTheRulesNoLongerAccept_isRefused_namingWhatIsWrong() {
    Flag stored = Flag.builder("checkout").rolloutPercentage(300).build();
    assertThat(violations(() -> FlagInput.forPatch(stored, body("{\"description\":\"x\"}"), JSON)))
        .containsExactly(new Violation("rolloutPercentage", "must be between 0 and 100, is 300"));
  }

  @Test
  void create_leavesOutFields_atTheDatabaseDefaults() {
    Flag flag = FlagInput.forCreate(body("{\"name\":\"a\"}"), JSON);
    assertThat(flag.enabled()).isFalse();
    assertThat(flag.rolloutPercentage()).isEqualTo(100);
    assertThat(flag.description()).isEmpty();
    assertThat(flag.userAllowlist()).isEmpty();
    assertThat(flag.metadata()).isEmpty();
    Flag set =
        FlagInput.forCreate(
            body("{\"name\":\"a\",\"description\":\"pays\",\"rolloutPercentage\":0}"), JSON);
    assertThat(set.description()).isEqualTo("pays");
    assertThat(set.rolloutPercentage()).isZero();
  }

  @Test
  void patch_setsWhatItNames_andKeepsTheRest() {
    assertThat(FlagInput.forPatch(CURRENT, body("{}"), JSON)).isEqualTo(CURRENT);
    Flag patched =
        FlagInput.forPatch(
            CURRENT,
            body(
                "{\"description\":null,\"userAllowlist\":[\""
                    + USER.toUpperCase(Locale.ROOT)
                    + "\"],\"metadata\":{\"team\":\"pay\"}}"),
            JSON);
    assertThat(patched.description()).as("null clears").isEmpty();
    assertThat(patched.userAllowlist()).containsExactly(UUID.fromString(USER));
    assertThat(patched.metadata()).isEqualTo(Map.of("team", "pay"));
    assertThat(patched.name()).isEqualTo("checkout");
    assertThat(patched.version()).isEqualTo(4);
  }

  @Test
  void patch_ofOneField_leavesTheAllowlistAndMetadataAsTheyAre() {
    Flag stored =
        CURRENT.toBuilder()
            .userAllowlist(List.of(UUID.fromString(USER)))
            .metadata(Map.of("team", "pay"))
            .build();
    Flag patched = FlagInput.forPatch(stored, body("{\"description\":\"x\"}"), JSON);
    assertThat(patched.description()).isEqualTo("x");
    assertThat(patched.userAllowlist()).containsExactly(UUID.fromString(USER));
    assertThat(patched.metadata()).isEqualTo(Map.of("team", "pay"));
  }

  @Test
  void toggle_anEmptyBody_flips() {
    assertThat(FlagInput.forToggle(JsonNodeFactory.instance.nullNode())).isNull();
    assertThat(FlagInput.forToggle(MissingNode.getInstance())).isNull();
    assertThat(FlagInput.forToggle(body("{\"enabled\":true}"))).isTrue();
    assertThat(violations(() -> FlagInput.forToggle(body("{\"enabled\":true,\"on\":1}"))))
        .containsExactly(new Violation("on", "is not a field that can be set here"));
  }
}
