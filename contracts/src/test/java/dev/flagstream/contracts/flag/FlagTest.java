package dev.flagstream.contracts.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagTest {
  private static final UUID ADA = UUID.fromString("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c");

  @Test
  void builder_startsWithTheDatabaseDefaults() {
    Flag flag = Flag.builder("new-checkout").build();
    assertThat(flag.name()).isEqualTo("new-checkout");
    assertThat(flag.description()).isEmpty();
    assertThat(flag.enabled()).isFalse();
    assertThat(flag.rolloutPercentage()).isEqualTo(100);
    assertThat(flag.userAllowlist()).isEmpty();
    assertThat(flag.metadata()).isEmpty();
    assertThat(flag.version()).isEqualTo(1);
    assertThat(flag.createdAt()).isEqualTo(Instant.EPOCH);
    assertThat(flag.updatedAt()).isEqualTo(Instant.EPOCH);
    assertThat(flag.createdBy()).isNull();
  }

  @Test
  void toBuilder_carriesEveryValue() {
    Flag flag =
        Flag.builder("a")
            .name("new-checkout")
            .description("The new checkout")
            .enabled(true)
            .rolloutPercentage(25)
            .userAllowlist(List.of(ADA))
            .metadata(Map.of("owner", "payments"))
            .version(7)
            .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("2026-02-01T00:00:00Z"))
            .createdBy(ADA)
            .build();
    assertThat(flag.toBuilder().build()).isEqualTo(flag).hasSameHashCodeAs(flag);
    assertThat(flag.toBuilder().version(8).build().version()).isEqualTo(8);
  }

  @Test
  void allowlistAndMetadata_areCopied_soTheFlagCannotChangeUnderneath() {
    List<UUID> allowlist = new ArrayList<>(List.of(ADA));
    Map<String, Object> nested = new HashMap<>(Map.of("k", "v"));
    Map<String, Object> metadata = new HashMap<>(Map.of("nested", nested));
    Flag flag = Flag.builder("a").userAllowlist(allowlist).metadata(metadata).build();

    allowlist.add(UUID.randomUUID());
    nested.put("k", "changed");
    metadata.put("added", 1);

    assertThat(flag.userAllowlist()).containsExactly(ADA);
    assertThat(flag.metadata()).isEqualTo(Map.of("nested", Map.of("k", "v")));
  }

  @Test
  void allowlistAndMetadata_areUnmodifiable() {
    Flag flag =
        Flag.builder("a")
            .userAllowlist(List.of(ADA))
            .metadata(Map.of("tags", List.of("a"), "nested", Map.of("k", 1)))
            .build();
    assertThatThrownBy(() -> flag.userAllowlist().add(UUID.randomUUID()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> flag.userAllowlist().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> flag.metadata().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) flag.metadata().get("tags");
    assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) flag.metadata().get("nested");
    assertThatThrownBy(() -> nested.remove("k")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void metadata_keepsJsonNullsAndInsertionOrder() {
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("z", null);
    metadata.put("a", 1.5);
    metadata.put("m", true);
    Flag flag = Flag.builder("a").metadata(metadata).build();
    assertThat(flag.metadata().keySet()).containsExactly("z", "a", "m");
    assertThat(flag.metadata()).containsEntry("z", null);
  }

  @Test
  void metadata_refusesValuesThatAreNotJson() {
    assertThatThrownBy(() -> Flag.builder("a").metadata(Map.of("when", Instant.EPOCH)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON value: java.time.Instant");
    Map<Object, Object> numericKey = Map.of(1, "one");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Object> sneaky = (Map) Map.of("nested", numericKey);
    assertThatThrownBy(() -> Flag.builder("a").metadata(sneaky).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key must be a string");
  }

  @Test
  void requiredComponents_areChecked() {
    assertThatThrownBy(() -> Flag.builder(null).build()).hasMessage("name");
    assertThatThrownBy(() -> Flag.builder("a").description(null).build()).hasMessage("description");
    assertThatThrownBy(() -> Flag.builder("a").createdAt(null).build()).hasMessage("createdAt");
    assertThatThrownBy(() -> Flag.builder("a").updatedAt(null).build()).hasMessage("updatedAt");
    assertThatThrownBy(
            () -> new Flag("a", "", true, 1, null, Map.of(), 1, Instant.EPOCH, Instant.EPOCH, null))
        .hasMessage("userAllowlist");
    assertThatThrownBy(
            () -> new Flag("a", "", true, 1, Set.of(), null, 1, Instant.EPOCH, Instant.EPOCH, null))
        .hasMessage("metadata");
  }

  @Test
  void isAllowlisted_matchesTheCanonicalTextOfMembers() {
    Flag flag = Flag.builder("a").userAllowlist(List.of(ADA)).build();
    assertThat(flag.isAllowlisted(ADA.toString())).isTrue();
    assertThat(flag.isAllowlisted(ADA.toString().toUpperCase(java.util.Locale.ROOT))).isTrue();
    assertThat(flag.isAllowlisted(ADA.toString().replace("-", ""))).isFalse();
    assertThat(flag.isAllowlisted("someone")).isFalse();
  }
}
