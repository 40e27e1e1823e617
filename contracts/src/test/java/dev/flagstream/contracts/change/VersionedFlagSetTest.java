package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  private static FlagSnapshot snapshot(long revision, Flag... flags) {
    return FlagSnapshot.of(List.of(flags), revision, Instant.EPOCH);
  }

  @Test
  void applyHeartbeat_raisesTheRevisionOnly() {
    flags.apply(upsert("a", 1, 5));
    flags.applyHeartbeat(CaptureHeartbeat.of(9, Instant.EPOCH, Duration.ofSeconds(10)));
    assertThat(flags.revision()).isEqualTo(9);
    flags.applyHeartbeat(CaptureHeartbeat.of(2, Instant.EPOCH, Duration.ofSeconds(10)));
    assertThat(flags.revision()).isEqualTo(9);
    assertThat(flags.flags().keySet()).containsExactly("a");
  }

  @Test
  void mark_countsEverythingReceived() {
    assertThat(flags.mark()).isZero();
    flags.apply(upsert("a", 1, 1));
    flags.applyTombstone("a", 1L);
    flags.applyHeartbeat(CaptureHeartbeat.of(2, Instant.EPOCH, Duration.ofSeconds(10)));
    flags.reconcile(snapshot(3), 0);
    assertThat(flags.mark()).isEqualTo(4);
  }

  @Test
  void reconcile_takesNewerVersions_addsUnknownFlags_andRaisesTheRevision() {
    flags.apply(upsert("a", 1, 1));
    flags.apply(upsert("c", 5, 2));
    assertThat(
            flags.reconcile(
                snapshot(
                    4,
                    Flag.builder("a").version(2).build(),
                    Flag.builder("b").version(1).build(),
                    Flag.builder("c").version(4).build()),
                flags.mark()))
        .isTrue();
    assertThat(flags.flags())
        .extractingFromEntries(e -> e.getValue().version())
        .containsExactly(2L, 1L, 5L);
    assertThat(flags.revision()).isEqualTo(4);
    assertThat(flags.reconcile(snapshot(1, Flag.builder("a").version(2).build()), 0))
        .as("nothing new, nothing it can prove gone")
        .isFalse();
    assertThat(flags.revision()).isEqualTo(4);
  }

  @Test
  void reconcile_removesOnlyWhatTheSnapshotProvesGone_andOnlyWhatArrivedBeforeTheRequest() {
    flags.apply(upsert("old", 1, 3));
    flags.apply(upsert("lagged", 1, 8));
    long requested = flags.mark();
    flags.apply(upsert("late", 1, 2));
    assertThat(flags.reconcile(snapshot(5), requested)).isTrue();
    assertThat(flags.flags().keySet()).containsExactly("lagged", "late");
    assertThat(flags.reconcile(snapshot(8, Flag.builder("late").build()), flags.mark()))
        .as("equal revision")
        .isFalse();
    assertThat(flags.reconcile(snapshot(FlagSnapshot.UNKNOWN_REVISION), requested))
        .as("authoritative, but late arrived after the request")
        .isTrue();
    assertThat(flags.flags().keySet()).containsExactly("late");
  }

  @Test
  void aRemovalBySnapshot_isLiftedByTheSameVersion_butADeleteFencesIt() {
    flags.apply(upsert("a", 3, 1));
    flags.reconcile(snapshot(FlagSnapshot.UNKNOWN_REVISION), flags.mark());
    assertThat(flags.get("a")).isNull();
    assertThat(flags.apply(upsert("a", 2, 1))).as("older").isFalse();
    assertThat(flags.applyTombstone("a", null)).as("nothing visible to delete").isFalse();
    assertThat(flags.apply(upsert("a", 3, 1))).as("same version").isTrue();
    assertThat(flags.get("a")).isNotNull();

    flags.reconcile(snapshot(FlagSnapshot.UNKNOWN_REVISION), flags.mark());
    assertThat(flags.applyTombstone("a", 3L)).as("a delete of the removed flag").isFalse();
    assertThat(flags.apply(upsert("a", 3, 1))).as("fenced by the delete").isFalse();
    assertThat(flags.reconcile(snapshot(9, Flag.builder("a").version(3).build()), flags.mark()))
        .isFalse();
    assertThat(flags.get("a")).isNull();
  }

  @Test
  void aFlagFromAnAuthoritativeSnapshot_isRemovedOnlyByAnother() {
    flags.reconcile(
        snapshot(FlagSnapshot.UNKNOWN_REVISION, Flag.builder("a").version(1).build()), 0);
    assertThat(flags.reconcile(snapshot(100), flags.mark())).isFalse();
    assertThat(flags.get("a")).isNotNull();
    assertThat(flags.reconcile(snapshot(FlagSnapshot.UNKNOWN_REVISION), flags.mark())).isTrue();
    assertThat(flags.get("a")).isNull();
  }
}
