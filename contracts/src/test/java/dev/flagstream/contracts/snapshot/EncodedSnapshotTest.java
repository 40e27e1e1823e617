package dev.flagstream.contracts.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncodedSnapshotTest {
  private static final Instant GENERATED = Instant.parse("2026-12-01T05:00:00Z");
  private static final Instant FRESH = Instant.parse("2026-12-01T04:59:30.123456Z");

  private static List<Flag> flags() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("team", "checkout ✓");
    metadata.put("a", List.of(1, true, Map.of("z", "\"quoted\"\n")));
    return List.of(
        Flag.builder("zeta").enabled(true).rolloutPercentage(30).version(7).build(),
        Flag.builder("alpha")
            .description("ünïcode and \\ escapes \t")
            .userAllowlist(List.of(new UUID(1, 2), new UUID(-3, 4)))
            .metadata(metadata)
            .createdBy(new UUID(5, 6))
            .version(Long.MAX_VALUE)
            .build(),
        Flag.builder("mid").rolloutPercentage(100).build());
  }

  private static List<EncodedFlag> encoded(List<Flag> flags) {
    return flags.stream().map(EncodedFlag::of).toList();
  }

  @Test
  void writesByteForByteWhatTheSnapshotOfTheSameFlagsWrites() throws IOException {
    for (List<Flag> flags : List.of(flags(), List.of(flags().get(0)), List.<Flag>of())) {
      EncodedSnapshot snapshot = EncodedSnapshot.of(encoded(flags));
      byte[] expected = FlagSnapshot.of(flags, 42, GENERATED, FRESH).toJson();

      var streamed = new ByteArrayOutputStream();
      snapshot.writeTo(streamed, 42, GENERATED, FRESH);
      assertThat(streamed.toByteArray()).isEqualTo(expected);
      assertThat(FlagSnapshot.fromJson(expected).flags()).hasSize(snapshot.size());
    }
  }

  @Test
  void digestsAndTagsAsTheSnapshot_whateverTheOrderGiven() {
    List<Flag> flags = flags();
    List<Flag> reversed = new ArrayList<>(flags);
    Collections.reverse(reversed);
    EncodedSnapshot snapshot = EncodedSnapshot.of(encoded(reversed));
    FlagSnapshot reference = FlagSnapshot.of(flags, FlagSnapshot.UNKNOWN_REVISION, GENERATED);

    assertThat(snapshot.digest()).isEqualTo(reference.digest());
    assertThat(snapshot.entityTag()).isEqualTo(reference.entityTag());
    assertThat(snapshot.isNamedBy("\"other\", W/" + reference.entityTag())).isTrue();
    assertThat(snapshot.isNamedBy(reference.digest())).isFalse();
    assertThat(snapshot.isNamedBy(null)).isFalse();
    assertThat(snapshot).hasToString("EncodedSnapshot[3 flags, " + reference.digest() + "]");
    assertThat(EncodedSnapshot.of(encoded(flags.subList(0, 2))).digest())
        .isNotEqualTo(reference.digest());
  }

  @Test
  void aFlagReEncoded_afterItChanged_changesTheDigest() {
    List<Flag> flags = new ArrayList<>(flags());
    String before = EncodedSnapshot.of(encoded(flags)).digest();
    flags.set(0, flags.get(0).toBuilder().enabled(false).version(8).build());
    assertThat(EncodedSnapshot.of(encoded(flags)).digest())
        .isNotEqualTo(before)
        .isEqualTo(FlagSnapshot.digestOf(flags));
  }

  @Test
  void refusesTwoFlagsOfOneName() {
    Flag flag = Flag.builder("twice").build();
    assertThatThrownBy(
            () -> EncodedSnapshot.of(List.of(EncodedFlag.of(flag), EncodedFlag.of(flag))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'twice' appears twice");
  }

  @Test
  void anEncodedFlag_tellsItsNameAndWhatItHolds() {
    Flag flag = flags().get(1);
    EncodedFlag encoded = EncodedFlag.of(flag);
    assertThat(encoded.name()).isEqualTo("alpha");
    assertThat(encoded.size()).isEqualTo(encoded.json().length + encoded.canonical().length);
    assertThat(encoded.size()).isGreaterThan(2L * flag.description().length());
    assertThat(encoded).hasToString("EncodedFlag[alpha]");
  }
}
