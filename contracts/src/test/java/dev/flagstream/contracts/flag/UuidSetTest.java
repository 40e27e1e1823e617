package dev.flagstream.contracts.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidSetTest {
  private static final String LISTED = "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c";
  private static final UUID NIL = new UUID(0, 0);

  @Test
  void containsExactlyItsMembers_inLargeSets() {
    Random random = new Random(1);
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      members.add(new UUID(random.nextLong(), random.nextLong()));
    }
    UuidSet set = UuidSet.copyOf(members);
    assertThat(set).hasSize(10_000);
    for (UUID member : members) {
      assertThat(set.contains(member)).isTrue();
      assertThat(set.containsText(member.toString())).isTrue();
    }
    for (int i = 0; i < 10_000; i++) {
      UUID other = new UUID(random.nextLong(), random.nextLong());
      assertThat(set.contains(other)).isFalse();
      assertThat(set.containsText(other.toString())).isFalse();
    }
  }

  @Test
  void equalsAnyOtherSetOfTheSameMembers() {
    Set<UUID> members = Set.of(UUID.fromString(LISTED), NIL);
    assertThat(UuidSet.copyOf(members))
        .isEqualTo(new HashSet<>(members))
        .hasSameHashCodeAs(members);
  }

  @Test
  void iteratesInCanonicalTextOrder_withoutDuplicates() {
    UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
    UUID lowest = UUID.fromString("10000000-0000-0000-0000-000000000001");
    assertThat(UuidSet.copyOf(List.of(high, lowest, low, high))).containsExactly(low, lowest, high);
  }

  @Test
  void holdsTheNilUuid() {
    UuidSet set = UuidSet.copyOf(List.of(NIL));
    assertThat(set.contains(NIL)).isTrue();
    assertThat(set.containsText("00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(UuidSet.copyOf(List.of(UUID.fromString(LISTED))).contains(NIL)).isFalse();
    assertThat(
            UuidSet.copyOf(List.of(UUID.fromString(LISTED)))
                .containsText("00000000-0000-0000-0000-000000000000"))
        .isFalse();
  }

  @Test
  void emptySet_containsNothing() {
    UuidSet empty = UuidSet.copyOf(List.of());
    assertThat(empty).isEmpty();
    assertThat(empty.containsText(LISTED)).isFalse();
    assertThat(empty.contains("not a uuid")).isFalse();
    assertThat(UuidSet.copyOf(empty)).isSameAs(empty);
  }

  @Test
  void containsText_acceptsEitherLetterCase() {
    UuidSet set = UuidSet.copyOf(List.of(UUID.fromString(LISTED)));
    assertThat(set.containsText(LISTED.toUpperCase(java.util.Locale.ROOT))).isTrue();
    assertThat(set.containsText("6F1C2B3A-9d4e-4F5A-8b6c-7D8E9F0A1B2C")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "6f1c2b3a9d4e4f5a8b6c7d8e9f0a1b2c",
        "{6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c}",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c0",
        "6f1c2b3a-9d4e-4f5a-8b6c 7d8e9f0a1b2c",
        "6f1c2b3a-9d4e-4f5a+8b6c-7d8e9f0a1b2c",
        "6f1c2b3a-9d4e_4f5a-8b6c-7d8e9f0a1b2c",
        "6f1c2b3a_9d4e-4f5a-8b6c-7d8e9f0a1b2c",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2g",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2:",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2/",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2`",
        "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2@",
        "６f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c",
        "٦f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c",
      })
  void containsText_refusesAnythingButTheCanonicalForm(String text) {
    assertThat(UuidSet.copyOf(List.of(UUID.fromString(LISTED))).containsText(text)).isFalse();
  }

  @Test
  void containsText_distinguishesEachDigit() {
    UuidSet set = UuidSet.copyOf(List.of(UUID.fromString(LISTED)));
    char[] text = LISTED.toCharArray();
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '-') {
        continue;
      }
      char original = text[i];
      text[i] = original == '0' ? '1' : '0';
      assertThat(set.containsText(new String(text))).as("digit %d changed", i).isFalse();
      text[i] = original;
    }
    assertThat(set.containsText(new String(text))).isTrue();
  }
}
