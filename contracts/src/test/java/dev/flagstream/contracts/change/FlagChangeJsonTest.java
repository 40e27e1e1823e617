package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagChangeJsonTest {
  private static final UUID ADA = UUID.fromString("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c");
  private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123456Z");

  private static Flag flag() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("owner", "payments");
    metadata.put("ratio", 0.25);
    metadata.put("big", 12345678901234L);
    metadata.put("none", null);
    metadata.put("tags", List.of("web", Map.of("deep", true)));
    return Flag.builder("new-checkout")
        .description("The new checkout ✓")
        .enabled(true)
        .rolloutPercentage(25)
        .userAllowlist(List.of(ADA))
        .metadata(metadata)
        .version(42)
        .createdAt(Instant.parse("2026-11-01T09:00:00Z"))
        .updatedAt(AT)
        .createdBy(ADA)
        .build();
  }

  @Test
  void events_roundTrip() {
    FlagChangeEvent upsert = FlagChangeEvent.upsert(flag(), 1234, AT);
    assertThat(FlagChangeJson.fromBytes(FlagChangeJson.toBytes(upsert))).isEqualTo(upsert);
    FlagChangeEvent delete = FlagChangeEvent.delete("new-checkout", 42, 1235, AT);
    assertThat(FlagChangeJson.fromJson(FlagChangeJson.toJson(delete))).isEqualTo(delete);
  }

  @Test
  void wireForm_usesIsoTimesAndCanonicalUuids() {
    String json = FlagChangeJson.toJson(FlagChangeEvent.upsert(flag(), 7, AT));
    assertThat(json)
        .startsWith("{\"schemaVersion\":1,\"op\":\"UPSERT\",\"name\":\"new-checkout\",\"flag\":{")
        .contains("\"changedAt\":\"2026-11-27T10:15:30.123456Z\"")
        .contains("\"userAllowlist\":[\"6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c\"]")
        .contains("\"createdBy\":\"6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c\"")
        .contains("\"version\":42,\"revision\":7");
  }

  @Test
  void flags_roundTrip() {
    assertThat(FlagChangeJson.flagFromJson(FlagChangeJson.flagToJson(flag()))).isEqualTo(flag());
  }

  @Test
  void unknownFields_areIgnored() {
    String json =
        FlagChangeJson.toJson(FlagChangeEvent.delete("a", 1, 1, AT))
            .replace("{\"schemaVersion\"", "{\"addedLater\":{\"x\":1},\"schemaVersion\"");
    assertThat(FlagChangeJson.fromJson(json).name()).isEqualTo("a");
  }

  @Test
  void unknownSchemaVersions_areRefused() {
    String json = FlagChangeJson.toJson(FlagChangeEvent.delete("a", 1, 1, AT));
    assertThatThrownBy(
            () ->
                FlagChangeJson.fromJson(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOf(InvalidChangeEventException.class)
        .hasMessage("schema version 2 is not readable here, which knows 1 to 1");
    assertThatThrownBy(
            () ->
                FlagChangeJson.fromJson(json.replace("\"schemaVersion\":1", "\"schemaVersion\":0")))
        .isInstanceOf(InvalidChangeEventException.class)
        .hasMessageContaining("schema version 0");
  }

  @Test
  void incompleteOrBrokenEvents_areRefused() {
    String json = FlagChangeJson.toJson(FlagChangeEvent.delete("a", 1, 1, AT));
    assertThatThrownBy(() -> FlagChangeJson.fromJson(json.replace(",\"revision\":1", "")))
        .isInstanceOf(InvalidChangeEventException.class)
        .hasMessageStartingWith("not a flag change event");
    assertThatThrownBy(() -> FlagChangeJson.fromJson(json.replace("\"DELETE\"", "\"PATCH\"")))
        .isInstanceOf(InvalidChangeEventException.class);
    assertThatThrownBy(() -> FlagChangeJson.fromJson(json.replace("\"DELETE\"", "\"UPSERT\"")))
        .isInstanceOf(InvalidChangeEventException.class);
    assertThatThrownBy(
            () -> FlagChangeJson.fromJson(json.replace("\"revision\":1", "\"revision\":null")))
        .isInstanceOf(InvalidChangeEventException.class);
    assertThatThrownBy(() -> FlagChangeJson.fromBytes("{\"op\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidChangeEventException.class);
    assertThatThrownBy(() -> FlagChangeJson.flagFromJson("{\"name\":\"a\"}"))
        .isInstanceOf(InvalidChangeEventException.class)
        .hasMessageStartingWith("not a flag");
  }
}
