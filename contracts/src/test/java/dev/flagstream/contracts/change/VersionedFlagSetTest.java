package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionedFlagSetTest {
  private final VersionedFlagSet flags = new VersionedFlagSet();

  private static FlagChangeEvent upsert(String name, long version, long revision) {
    return FlagChangeEvent.upsert(
        Flag.builder(name).version(version).build(), revision, Instant.EPOCH);
  }

  @Test
  void empty_holdsNothingAtRevisionMinusOne() {
    assertThat(flags.flags()).isEmpty();
    assertThat(flags.get("a")).isNull();
    assertThat(flags.revision()).isEqualTo(-1);
  }

  @Test
  void apply_reportsWhetherTheVisibleFlagsChanged() {
    assertThat(flags.apply(upsert("a", 1, 1))).isTrue();
    assertThat(flags.apply(upsert("a", 1, 1))).as("duplicate").isFalse();
    assertThat(flags.apply(FlagChangeEvent.delete("a", 1, 2, Instant.EPOCH))).isTrue();
    assertThat(flags.apply(FlagChangeEvent.delete("a", 2, 3, Instant.EPOCH)))
        .as("a newer delete of a deleted flag changes nothing visible")
        .isFalse();
    assertThat(flags.apply(FlagChangeEvent.delete("b", 1, 4, Instant.EPOCH)))
        .as("delete of a flag never seen")
        .isFalse();
    assertThat(flags.flags()).isEmpty();
  }

  @Test
  void applyTombstone_reportsWhetherTheVisibleFlagsChanged() {
    flags.apply(upsert("a", 3, 1));
    assertThat(flags.applyTombstone("a", 2L)).as("stale").isFalse();
    assertThat(flags.get("a")).isNotNull();
    assertThat(flags.applyTombstone("a", 3L)).isTrue();
    assertThat(flags.applyTombstone("a", 3L)).as("duplicate").isFalse();
    assertThat(flags.applyTombstone("a", null)).as("already deleted").isFalse();
    assertThat(flags.applyTombstone("b", null)).as("never seen").isFalse();
    assertThat(flags.applyTombstone("c", 4L)).as("never seen, versioned").isFalse();
    assertThat(flags.apply(upsert("c", 4, 2))).as("fenced off").isFalse();
    flags.apply(upsert("d", 1, 3));
    assertThat(flags.applyTombstone("d", null)).isTrue();
    assertThat(flags.get("d")).isNull();
    assertThat(flags.apply(upsert("d", 1, 3)))
        .as("a tombstone keeps the version it deleted")
        .isFalse();
  }

  @Test
  void flags_isASnapshotSortedByName() {
    flags.apply(upsert("b", 1, 1));
    flags.apply(upsert("a", 1, 2));
    var snapshot = flags.flags();
    flags.apply(upsert("c", 1, 3));
    assertThat(snapshot.keySet()).containsExactly("a", "b");
    assertThat(flags.flags().keySet()).containsExactly("a", "b", "c");
  }

  @Test
  void revision_isTheHighestSeen() {
    flags.apply(upsert("a", 2, 7));
    flags.apply(upsert("a", 1, 3));
    assertThat(flags.revision()).isEqualTo(7);
    flags.apply(upsert("a", 3, 8));
    assertThat(flags.revision()).isEqualTo(8);
  }
}
