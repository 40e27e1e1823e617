package dev.flagstream.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The wire forms are byte for byte what the codec built on Jackson wrote (the file under test
 * resources was written by it), and read back into the same values; what the schemas refuse is
 * refused.
 */
class ContractJsonTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:15:30.100Z");

  static Flag richFlag() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("owner", "payments \"team\" \\ / \u0001\u001f\t\n\r\b\f é ✓ 😀 \u2028");
    metadata.put("ratio", 0.25);
    metadata.put("big", 12345678901234L);
    metadata.put("huge", new BigInteger("123456789012345678901234567890"));
    metadata.put("tiny", 1e-7);
    metadata.put("large", 1.0e20);
    metadata.put("neg", -3);
    metadata.put("none", null);
    metadata.put("t", true);
    metadata.put("tags", List.of("web", Map.of("deep", false)));
    metadata.put("empty", Map.of());
    metadata.put("emptyList", List.of());
    return Flag.builder("new-checkout")
        .description("The new checkout ✓")
        .enabled(true)
        .rolloutPercentage(25)
        .userAllowlist(
            List.of(
                UUID.fromString("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c"),
                UUID.fromString("0f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")))
        .metadata(metadata)
        .version(42)
        .createdAt(Instant.parse("2026-11-01T09:00:00Z"))
        .updatedAt(Instant.parse("2026-11-27T10:15:30.123456Z"))
        .createdBy(UUID.fromString("2d1f5c9e-4b7a-4c3d-9e8f-1a2b3c4d5e6f"))
        .build();
  }

  private static final Flag PLAIN = Flag.builder("a").build();
  private static final FlagChangeEvent UPSERT = FlagChangeEvent.upsert(richFlag(), 1234, AT);
  private static final FlagChangeEvent DELETE =
      FlagChangeEvent.delete("a", 3, 7, Instant.parse("2026-11-27T10:15:30Z"));
  private static final CaptureHeartbeat HEARTBEAT =
      CaptureHeartbeat.of(9, AT, Duration.ofSeconds(1));
  private static final FlagSnapshot SNAPSHOT =
      FlagSnapshot.of(
          List.of(richFlag(), PLAIN), 77, AT, Instant.parse("2026-11-27T10:15:31.000000001Z"));

  @Test
  void everyWireForm_isByteForByteWhatTheJacksonCodecWrote() throws IOException {
    List<String> written = jacksonEra();
    assertThat(FlagChangeJson.toJson(UPSERT)).isEqualTo(written.get(0));
    assertThat(FlagChangeJson.toJson(DELETE)).isEqualTo(written.get(1));
    assertThat(utf8(FlagChangeJson.heartbeatToBytes(HEARTBEAT))).isEqualTo(written.get(2));
    assertThat(FlagChangeJson.flagToJson(PLAIN)).isEqualTo(written.get(3));
    assertThat(utf8(SNAPSHOT.toJson())).isEqualTo(written.get(4));
  }

  @Test
  void digests_areThoseOfTheJacksonCodec() throws IOException {
    List<String> written = jacksonEra();
    assertThat(FlagSnapshot.digestOf(List.of(PLAIN, richFlag()))).isEqualTo(written.get(5));
    assertThat(FlagSnapshot.digestOf(List.of())).isEqualTo(written.get(6));
    assertThat(FlagSnapshot.digestOf(List.of(PLAIN))).isEqualTo(written.get(7));
  }

  @Test
  void whatTheJacksonCodecWrote_readsBackAsTheSameValues() throws IOException {
    List<String> written = jacksonEra();
    assertThat(FlagChangeJson.fromJson(written.get(0))).isEqualTo(UPSERT);
    assertThat(FlagChangeJson.fromJson(written.get(1))).isEqualTo(DELETE);
    assertThat(FlagChangeJson.heartbeatFromBytes(bytes(written.get(2)))).isEqualTo(HEARTBEAT);
    assertThat(FlagChangeJson.flagFromJson(written.get(3))).isEqualTo(PLAIN);
    assertThat(FlagSnapshot.fromJson(bytes(written.get(4)))).isEqualTo(SNAPSHOT);
  }

  @Test
  void membersInAnyOrder_unknownOnesIgnored_aRepeatedOneTakesItsLastValue() {
    String json =
        "{\"revision\":7,\"changedAt\":\"2026-11-27T10:15:30Z\",\"extra\":[1,{\"x\":null}],"
            + "\"version\":1,\"version\":3,\"flag\":null,\"name\":\"a\",\"op\":\"DELETE\","
            + "\"schemaVersion\":1}";
    assertThat(FlagChangeJson.fromJson(json)).isEqualTo(DELETE);
  }

  @Test
  void integersWrittenWithAFractionOrExponent_areTakenWhenWhole() {
    String json = FlagChangeJson.toJson(DELETE).replace("\"revision\":7", "\"revision\":7.0e0");
    assertThat(FlagChangeJson.fromJson(json).revision()).isEqualTo(7);
    assertThatThrownBy(
            () ->
                FlagChangeJson.fromJson(
                    FlagChangeJson.toJson(DELETE).replace("\"revision\":7", "\"revision\":7.5")))
        .hasMessageContaining("expected an integer within 64 bits, got 7.5");
  }

  @Test
  void membersOfTheWrongKind_areRefusedByName() {
    String delete = FlagChangeJson.toJson(DELETE);
    assertRefused(
        delete.replace("\"revision\":7", "\"revision\":null"),
        "'revision' must be an integer, not null");
    assertRefused(delete.replace("\"revision\":7", "\"revision\":\"7\""), "expected a number");
    assertRefused(
        delete.replace("\"name\":\"a\"", "\"name\":null"), "'name' must be a string, not null");
    assertRefused(delete.replace("\"name\":\"a\"", "\"name\":1"), "expected a string");
    assertRefused(
        delete.replace("\"schemaVersion\":1", "\"schemaVersion\":null"),
        "'schemaVersion' must be an integer");
    assertRefused(
        delete.replace("\"schemaVersion\":1", "\"schemaVersion\":4294967297"), "within 32 bits");
    assertRefused(
        delete.replace("\"DELETE\"", "\"delete\""), "'op' must be UPSERT or DELETE, got 'delete'");
    assertRefused(
        delete.replace("2026-11-27T10:15:30Z", "yesterday"),
        "'changedAt' must be an ISO-8601 instant, got 'yesterday'");
    assertRefused(
        delete.replace(",\"changedAt\":\"2026-11-27T10:15:30Z\"", ""), "missing 'changedAt'");
    assertRefused(delete + " {}", "unexpected content after the value");
    assertRefused("[]", "expected an object");

    String upsert = FlagChangeJson.toJson(FlagChangeEvent.upsert(PLAIN, 1, AT));
    assertRefused(
        upsert.replace("\"enabled\":false", "\"enabled\":null"),
        "'enabled' must be true or false, not null");
    assertRefused(upsert.replace("\"enabled\":false", "\"enabled\":0"), "expected true or false");
    assertRefused(
        upsert.replace("\"metadata\":{}", "\"metadata\":[]"), "'metadata' must be an object");
    assertRefused(
        upsert.replace("\"metadata\":{}", "\"metadata\":null"), "'metadata' must be an object");
    assertRefused(
        upsert.replace("\"userAllowlist\":[]", "\"userAllowlist\":null"),
        "'userAllowlist' must be an array, not null");
    assertRefused(
        upsert.replace(
            "\"userAllowlist\":[]", "\"userAllowlist\":[\"6f1c2b3a9d4e4f5a8b6c7d8e9f0a1b2c\"]"),
        "must hold UUIDs in canonical form");
    assertRefused(
        upsert.replace("\"createdBy\":null", "\"createdBy\":\"1-2-3-4-5\""),
        "'createdBy' must hold UUIDs in canonical form, got '1-2-3-4-5'");
    assertRefused(upsert.replace(",\"createdBy\":null", ""), "missing 'createdBy'");
    assertRefused(
        upsert.replace("\"rolloutPercentage\":100", "\"rolloutPercentage\":1e10"),
        "within 32 bits");
    assertRefused(
        upsert.replace("\"name\":\"a\",\"flag\"", "\"name\":\"b\",\"flag\""),
        "an UPSERT's name and version are its flag's");
    assertRefused(
        upsert.replace(",\"flag\":{", ",\"flag\":null,\"x\":{"), "an UPSERT carries the flag");
  }

  @Test
  void uuids_inEitherLetterCase_areRead() {
    String upsert =
        FlagChangeJson.toJson(FlagChangeEvent.upsert(PLAIN, 1, AT))
            .replace(
                "\"createdBy\":null", "\"createdBy\":\"2D1F5C9E-4B7A-4C3D-9E8F-1A2B3C4D5E6F\"");
    assertThat(FlagChangeJson.fromJson(upsert).flag().createdBy())
        .isEqualTo(UUID.fromString("2d1f5c9e-4b7a-4c3d-9e8f-1a2b3c4d5e6f"));
  }

  @Test
  void canonicalUuids_are8_4_4_4_12HexDigits_inEitherCase() {
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isTrue();
    assertThat(ContractJson.isCanonicalUuid("6F1C2B3A-9D4E-4F5A-8B6C-7D8E9F0A1B2C")).isTrue();
    assertThat(ContractJson.isCanonicalUuid("00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2cd")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a09d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e04f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a08b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c07d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2g")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2G")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("/f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid(":f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("`f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("@f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
    assertThat(ContractJson.isCanonicalUuid("６f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")).isFalse();
  }

  @Test
  void snapshots_refuseNullFlags_andTakeTheLastOfRepeatedFlags() {
    String json = utf8(FlagSnapshot.of(List.of(PLAIN), 1, AT).toJson());
    assertThatThrownBy(
            () ->
                FlagSnapshot.fromJson(
                    bytes(json.replaceFirst("\"flags\":\\[", "\"flags\":null,\"x\":["))))
        .hasMessageStartingWith(
            "not a flag snapshot: 'flags' must be an array, not null (at byte ");
    FlagSnapshot twice =
        FlagSnapshot.fromJson(bytes(json.replace("\"freshAt\"", "\"flags\":[],\"freshAt\"")));
    assertThat(twice.flags()).isEmpty();
  }

  @Test
  void heartbeats_ignoreTheirOp_andRefuseWhatIsMissing() {
    assertThat(
            FlagChangeJson.heartbeatFromBytes(
                bytes(
                    "{\"schemaVersion\":1,\"revision\":9,\"beatAt\":\"2026-11-27T10:15:30.100Z\","
                        + "\"intervalMillis\":1000}")))
        .isEqualTo(HEARTBEAT);
    assertThatThrownBy(() -> FlagChangeJson.heartbeatFromBytes(bytes("{\"schemaVersion\":1}")))
        .hasMessageStartingWith("not a capture heartbeat: missing 'revision'");
    assertThatThrownBy(() -> FlagChangeJson.heartbeatFromBytes(bytes("{} []")))
        .hasMessageContaining("missing 'schemaVersion'");
  }

  private static void assertRefused(String json, String reason) {
    assertThatThrownBy(() -> FlagChangeJson.fromJson(json))
        .as(json)
        .hasMessageStartingWith("not a flag change event: ")
        .hasMessageContaining(reason);
  }

  private static List<String> jacksonEra() throws IOException {
    try (InputStream in =
        ContractJsonTest.class.getResourceAsStream("wire-forms-written-by-jackson.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
