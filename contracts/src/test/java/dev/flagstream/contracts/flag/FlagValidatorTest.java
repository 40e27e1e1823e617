package dev.flagstream.contracts.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"metmap-ai-copilot", "a", "0", "checkout.v2_beta", "x-", "9.9"})
  void checkName_acceptsTheNamePattern(String name) {
    assertThat(FlagValidator.checkName(name)).isEmpty();
  }

  @Test
  void checkName_acceptsExactly128Characters() {
    assertThat(FlagValidator.checkName("a".repeat(128))).isEmpty();
    assertThat(FlagValidator.checkName("a".repeat(129)))
        .contains(new Violation("name", "must be at most 128 characters, is 129"));
  }

  @Test
  void checkName_requiresAName() {
    assertThat(FlagValidator.checkName(null)).contains(new Violation("name", "is required"));
    assertThat(FlagValidator.checkName("")).contains(new Violation("name", "is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-flag", ".flag", "_flag", "Flag", "é"})
  void checkName_refusesABadFirstCharacter(String name) {
    assertThat(FlagValidator.checkName(name))
        .contains(new Violation("name", "must start with a lowercase letter or a digit"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"new checkout", "newCheckout", "flag/1", "flag:1", "flagé", "a\n"})
  void checkName_refusesOtherCharacters(String name) {
    assertThat(FlagValidator.checkName(name))
        .hasValueSatisfying(
            violation -> {
              assertThat(violation.field()).isEqualTo("name");
              assertThat(violation.reason()).startsWith("may contain only lowercase letters");
            });
  }

  @Test
  void checkDescription_countsCharactersNotUtf16Units() {
    assertThat(FlagValidator.checkDescription(null)).isEmpty();
    assertThat(FlagValidator.checkDescription("d".repeat(1_000))).isEmpty();
    assertThat(FlagValidator.checkDescription("🚀".repeat(1_000))).isEmpty();
    assertThat(FlagValidator.checkDescription("d".repeat(1_001)))
        .contains(new Violation("description", "must be at most 1000 characters"));
  }

  @Test
  void checkRolloutPercentage_acceptsZeroToHundred() {
    assertThat(FlagValidator.checkRolloutPercentage(0)).isEmpty();
    assertThat(FlagValidator.checkRolloutPercentage(100)).isEmpty();
    assertThat(FlagValidator.checkRolloutPercentage(-1))
        .contains(new Violation("rolloutPercentage", "must be between 0 and 100, is -1"));
    assertThat(FlagValidator.checkRolloutPercentage(101))
        .contains(new Violation("rolloutPercentage", "must be between 0 and 100, is 101"));
  }

  @Test
  void checkAllowlist_namesEachEntryThatIsNotAUuid() {
    List<Object> entries =
        List.of(
            "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c",
            "ada@example.com",
            UUID.randomUUID(),
            "6F1C2B3A-9D4E-4F5A-8B6C-7D8E9F0A1B2C",
            42,
            "1-1-1-1-1");
    assertThat(FlagValidator.checkAllowlist(entries))
        .extracting(Violation::field)
        .containsExactly("userAllowlist[1]", "userAllowlist[4]", "userAllowlist[5]");
    assertThat(FlagValidator.checkAllowlist(entries).get(0).reason())
        .startsWith("must be a user id in UUID form");
    assertThat(FlagValidator.checkAllowlist(null)).isEmpty();
  }

  @Test
  void checkAllowlist_allowsTenThousandEntries() {
    List<UUID> entries = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      entries.add(UUID.randomUUID());
    }
    assertThat(FlagValidator.checkAllowlist(entries)).isEmpty();
    entries.add(UUID.randomUUID());
    assertThat(FlagValidator.checkAllowlist(entries))
        .containsExactly(
            new Violation("userAllowlist", "must have at most 10000 entries, has 10001"));
  }

  @Test
  void checkMetadata_requiresAJsonObject() {
    assertThat(FlagValidator.checkMetadata(null)).isEmpty();
    assertThat(FlagValidator.checkMetadata(Map.of())).isEmpty();
    assertThat(FlagValidator.checkMetadata(List.of()))
        .contains(new Violation("metadata", "must be a JSON object"));
    assertThat(FlagValidator.checkMetadata("{}"))
        .contains(new Violation("metadata", "must be a JSON object"));
  }

  @Test
  void checkMetadata_allowsSixteenLevels_countingArraysToo() {
    assertThat(FlagValidator.checkMetadata(nested(16, false))).isEmpty();
    assertThat(FlagValidator.checkMetadata(nested(17, false)))
        .contains(new Violation("metadata", "must be nested at most 16 levels deep"));
    assertThat(FlagValidator.checkMetadata(nested(16, true))).isEmpty();
    assertThat(FlagValidator.checkMetadata(nested(17, true)))
        .contains(new Violation("metadata", "must be nested at most 16 levels deep"));
  }

  @Test
  void checkMetadata_depthLooksIntoEveryBranch() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("shallow", 1);
    metadata.put("deep", nested(16, false));
    assertThat(FlagValidator.checkMetadata(metadata)).isPresent();
    Map<String, Object> inList = Map.of("list", List.of(1, nested(15, false)));
    assertThat(FlagValidator.checkMetadata(inList)).isPresent();
  }

  @Test
  void checkMetadata_allowsSixteenKibibytesOfCompactJson() {
    // {"k":"…"} is 8 bytes of syntax around the value.
    assertThat(FlagValidator.checkMetadata(Map.of("k", "v".repeat(16 * 1024 - 8)))).isEmpty();
    assertThat(FlagValidator.checkMetadata(Map.of("k", "v".repeat(16 * 1024 - 7))))
        .contains(
            new Violation("metadata", "must be at most 16384 bytes as compact JSON, is 16385"));
    assertThat(FlagValidator.checkMetadata(Map.of("k", "é".repeat(8 * 1024))))
        .as("counted in UTF-8 bytes")
        .isPresent();
  }

  @Test
  void checkMetadata_refusesWhatJsonCannotHold() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("opaque", new Object() {});
    assertThat(FlagValidator.checkMetadata(metadata))
        .contains(new Violation("metadata", "must hold only JSON values"));
  }

  @Test
  void validate_reportsEveryViolationAtOnce() {
    Flag flag =
        Flag.builder("Bad Name")
            .description("d".repeat(1_001))
            .rolloutPercentage(150)
            .metadata(Map.of("k", "v".repeat(20_000)))
            .build();
    assertThat(FlagValidator.validate(flag))
        .extracting(Violation::field)
        .containsExactly("name", "description", "rolloutPercentage", "metadata");
    assertThat(FlagValidator.validate(Flag.builder("fine").build())).isEmpty();
  }

  @Test
  void validate_checksTheAllowlistSize() {
    List<UUID> entries = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      entries.add(UUID.randomUUID());
    }
    assertThat(FlagValidator.validate(Flag.builder("a").userAllowlist(entries).build()))
        .extracting(Violation::field)
        .containsExactly("userAllowlist");
  }

  private static Map<String, Object> nested(int depth, boolean viaArrays) {
    Object inner = Map.of();
    for (int level = depth; level > 1; level--) {
      // Level 2 is always an object, so the top level stays one.
      inner = viaArrays && level % 2 == 1 ? List.of(inner) : Map.of("level", inner);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) inner;
    return top;
  }
}
