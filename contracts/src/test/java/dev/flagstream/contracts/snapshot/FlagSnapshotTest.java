package dev.flagstream.contracts.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagSnapshotTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  private static Flag flag(String name, Map<String, Object> metadata) {
    return Flag.builder(name).enabled(true).metadata(metadata).version(3).build();
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void of_sortsByName_andDigestsTheFlags() {
    FlagSnapshot snapshot =
        FlagSnapshot.of(List.of(flag("b", Map.of()), flag("a", Map.of())), 42, AT);
    assertThat(snapshot.flags()).extracting(Flag::name).containsExactly("a", "b");
    assertThat(snapshot.revision()).isEqualTo(42);
    assertThat(snapshot.schemaVersion()).isEqualTo(FlagSnapshot.SCHEMA_VERSION);
    assertThat(snapshot.digest()).hasSize(64).isEqualTo(FlagSnapshot.digestOf(snapshot.flags()));
  }

  @Test
  void digest_ignoresTheOrderOfFlagsAndOfMetadataKeys_butNotTheContent() {
    Flag first = flag("a", ordered("x", 1, "y", List.of(ordered("p", 1, "q", 2))));
    Flag reordered = flag("a", ordered("y", List.of(ordered("q", 2, "p", 1)), "x", 1));
    Flag other = flag("b", Map.of());
    assertThat(FlagSnapshot.digestOf(List.of(first, other)))
        .isEqualTo(FlagSnapshot.digestOf(List.of(other, reordered)));
    assertThat(FlagSnapshot.digestOf(List.of(first)))
        .isNotEqualTo(FlagSnapshot.digestOf(List.of(first.toBuilder().version(4).build())));
    assertThat(FlagSnapshot.digestOf(List.of(first)))
        .isNotEqualTo(FlagSnapshot.digestOf(List.of(first, other)));
    assertThat(FlagSnapshot.digestOf(List.of()))
        .isNotEqualTo(FlagSnapshot.digestOf(List.of(other)));
  }

  @Test
  void entityTag_isTheQuotedDigest() {
    FlagSnapshot snapshot = FlagSnapshot.of(List.of(flag("a", Map.of())), 1, Instant.EPOCH);
    assertThat(snapshot.entityTag()).isEqualTo("\"" + snapshot.digest() + "\"");
  }

  @Test
  void isNamedBy_anyTagOfTheListComparedWeakly_orStar() {
    FlagSnapshot snapshot = FlagSnapshot.of(List.of(flag("a", Map.of())), 1, Instant.EPOCH);
    String tag = snapshot.entityTag();
    assertThat(snapshot.isNamedBy(tag)).isTrue();
    assertThat(snapshot.isNamedBy("W/" + tag)).isTrue();
    assertThat(snapshot.isNamedBy("\"other\", " + tag)).isTrue();
    assertThat(snapshot.isNamedBy(" * ")).isTrue();
    assertThat(snapshot.isNamedBy(null)).isFalse();
    assertThat(snapshot.isNamedBy("")).isFalse();
    assertThat(snapshot.isNamedBy("\"other\"")).isFalse();
    assertThat(snapshot.isNamedBy(snapshot.digest())).as("an unquoted digest is no tag").isFalse();
    FlagSnapshot changed = FlagSnapshot.of(List.of(flag("b", Map.of())), 2, Instant.EPOCH);
    assertThat(changed.isNamedBy(tag)).isFalse();
  }

  @Test
  void json_roundTrips() {
    FlagSnapshot snapshot =
        FlagSnapshot.of(List.of(flag("a", ordered("k", "v"))), FlagSnapshot.UNKNOWN_REVISION, AT);
    assertThat(FlagSnapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
  }

  @Test
  void freshAt_isGeneratedAtUnlessGiven_andReadsAsGeneratedAtFromOlderWriters() {
    Instant earlier = AT.minusSeconds(30);
    assertThat(FlagSnapshot.of(List.of(), 1, AT).freshAt()).isEqualTo(AT);
    assertThat(FlagSnapshot.fromJson(FlagSnapshot.of(List.of(), 1, AT, earlier).toJson()).freshAt())
        .isEqualTo(earlier);
    String older =
        new String(FlagSnapshot.of(List.of(), 1, AT).toJson(), StandardCharsets.UTF_8)
            .replaceAll(",?\"freshAt\":\"[^\"]*\"", "");
    assertThat(older).doesNotContain("freshAt");
    assertThat(FlagSnapshot.fromJson(older.getBytes(StandardCharsets.UTF_8)).freshAt())
        .isEqualTo(AT);
  }

  @Test
  void fromJson_refusesOtherSchemaVersionsAndBrokenInput() {
    String json = new String(FlagSnapshot.of(List.of(), 1, AT).toJson(), StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                FlagSnapshot.fromJson(
                    json.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema version 2");
    assertThatThrownBy(
            () -> FlagSnapshot.fromJson("{\"flags\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a flag snapshot");
    assertThatThrownBy(() -> new FlagSnapshot(1, 1, null, AT, List.of(), AT)).hasMessage("digest");
    assertThatThrownBy(() -> new FlagSnapshot(1, 1, "d", null, List.of(), AT))
        .hasMessage("generatedAt");
    assertThatThrownBy(() -> new FlagSnapshot(1, 1, "d", AT, null, AT)).hasMessage("flags");
  }
}
