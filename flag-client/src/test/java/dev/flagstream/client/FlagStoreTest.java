package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.fixtures.Waiter;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlagStoreTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private final AtomicLong now = new AtomicLong(1_000);
  private final FlagStore store = new FlagStore(now::get);

  private static Flag flag(String name, long version, int rollout) {
    return Flag.builder(name).enabled(true).rolloutPercentage(rollout).version(version).build();
  }

  private static FlagChangeEvent upsert(String name, long version, int rollout, long revision) {
    return FlagChangeEvent.upsert(flag(name, version, rollout), revision, Instant.EPOCH);
  }

  @Test
  void apply_reportsChangesWithTheCommitTime_andIgnoresDuplicatesAndStaleEvents() {
    assertThat(store.apply(upsert("a", 2, 10, 5)))
        .hasValueSatisfying(
            change -> {
              assertThat(change.previous()).isNull();
              assertThat(change.current().rolloutPercentage()).isEqualTo(10);
              assertThat(change.committedAt()).isEqualTo(Instant.EPOCH);
            });
    assertThat(store.apply(upsert("a", 2, 99, 5))).isEmpty();
    assertThat(store.apply(upsert("a", 1, 99, 3))).isEmpty();
    assertThat(store.get("a").flag().rolloutPercentage()).isEqualTo(10);
    assertThat(store.revision()).isEqualTo(5);
  }

  @Test
  void deletes_fenceOffOlderUpserts() {
    store.apply(upsert("a", 2, 10, 1));
    assertThat(store.apply(FlagChangeEvent.delete("a", 2, 2, Instant.EPOCH)))
        .hasValueSatisfying(change -> assertThat(change.current()).isNull());
    assertThat(store.apply(upsert("a", 2, 10, 1))).isEmpty();
    assertThat(store.get("a")).isNull();
    assertThat(store.apply(upsert("a", 3, 20, 3))).isPresent();
    assertThat(store.applyTombstone("a", 2L)).as("an old tombstone").isEmpty();
    assertThat(store.get("a")).isNotNull();
  }

  private Waiter awaitingApplied(String tokens) {
    List<RevisionToken> parsed = RevisionToken.parseAll(tokens);
    return Waiter.waiting(() -> store.awaitApplied(parsed, TimeUnit.SECONDS.toNanos(30)));
  }

  @Test
  void awaitApplied_returnsOnceTheStoreHoldsTheTokensChange_orALaterOne() throws Exception {
    store.apply(upsert("a", 2, 10, 1));
    assertThat(store.awaitApplied(RevisionToken.parseAll("a@3"), 0)).isFalse();

    try (Waiter waiter = awaitingApplied("a@3")) {
      store.apply(upsert("b", 9, 10, 2));
      assertThat(waiter.answered()).as("another flag's write").isFalse();
      store.apply(upsert("a", 4, 10, 3));
      assertThat(waiter.answer()).succeedsWithin(WITHIN).isEqualTo(true);
    }
    assertThat(store.awaitApplied(RevisionToken.parseAll("a@4,b@9"), 0)).isTrue();
    assertThat(store.awaitApplied(RevisionToken.parseAll("a@4:deleted"), 0)).isFalse();
    store.apply(FlagChangeEvent.delete("a", 4, 4, Instant.EPOCH));
    assertThat(store.awaitApplied(RevisionToken.parseAll("a@4:deleted,never@1:deleted"), 0))
        .isTrue();
  }

  @Test
  void awaitApplied_isAnsweredByASnapshotThatOnlyRemovesTheFlag() throws Exception {
    store.apply(upsert("x", 5, 10, 3));
    now.set(2_000);
    try (Waiter waiter = awaitingApplied("x@5:deleted")) {
      store.reconcile(FlagSnapshot.of(List.of(), 4, Instant.EPOCH), 2_000);
      assertThat(waiter.answer()).succeedsWithin(WITHIN).isEqualTo(true);
    }
  }

  @Test
  void awaitApplied_withATokenNeverReached_returnsFalseAfterItsTimeout() throws Exception {
    assertThat(store.awaitApplied(RevisionToken.parseAll("a@1"), Duration.ofMillis(1).toNanos()))
        .isFalse();
  }

  @Test
  void flags_areInNameOrder() {
    List<String> names =
        List.of("checkout", "beta-banner", "dark-mode", "new-pricing", "search-v2", "alpha");
    for (String name : names) {
      store.apply(upsert(name, 1, 10, 1));
    }
    assertThat(store.flags()).extracting(Flag::name).isSortedAccordingTo(String::compareTo);
    assertThat(store.flags()).hasSize(names.size());
  }

  @Test
  void tombstones_withoutAVersion_deleteWhatIsHeld() {
    store.apply(upsert("a", 2, 10, 1));
    assertThat(store.applyTombstone("b", null)).isEmpty();
    assertThat(store.applyTombstone("a", null)).isPresent();
    assertThat(store.flags()).isEmpty();
    assertThat(store.applyTombstone("a", null)).isEmpty();
  }

  @Test
  void reconcile_takesNewerVersions_andAddsFlagsTheStreamMissed() {
    store.apply(upsert("a", 2, 10, 1));
    List<FlagChanged> changes =
        store.reconcile(
            FlagSnapshot.of(List.of(flag("a", 3, 30), flag("b", 1, 5)), 9, Instant.EPOCH), 2_000);
    assertThat(changes).extracting(FlagChanged::name).containsExactlyInAnyOrder("a", "b");
    assertThat(changes).allMatch(change -> change.committedAt() == null);
    assertThat(store.get("a").flag().version()).isEqualTo(3);
    assertThat(store.revision()).isEqualTo(9);
  }

  @Test
  void reconcile_dropsFlagsAbsentFromTheSnapshot_unlessTheyArrivedAfterItWasRequested() {
    store.apply(upsert("old", 1, 10, 1));
    now.set(5_000);
    long requestedAt = 5_000;
    now.set(6_000);
    store.apply(upsert("new", 2, 10, 2));
    List<FlagChanged> changes =
        store.reconcile(
            FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), requestedAt);
    assertThat(changes).extracting(FlagChanged::name).containsExactly("old");
    assertThat(store.get("old")).isNull();
    assertThat(store.get("new")).isNotNull();
    assertThat(store.revision()).isEqualTo(2);
    assertThat(store.apply(upsert("old", 0, 10, 1))).as("an older version stays out").isEmpty();
  }

  /** H4: a lagging evaluator's snapshot dropped a flag for good. */
  @Test
  void reconcile_fromALaggingSnapshot_keepsAFlagReceivedAtANewerRevision() {
    store.apply(upsert("x", 5, 10, 10));
    now.set(2_000);
    assertThat(store.reconcile(FlagSnapshot.of(List.of(), 7, Instant.EPOCH), 2_000)).isEmpty();
    assertThat(store.get("x")).as("the snapshot's revision 7 predates x").isNotNull();
    assertThat(store.reconcile(FlagSnapshot.of(List.of(), 10, Instant.EPOCH), 2_000))
        .as("changes of one transaction share a revision")
        .isEmpty();
    assertThat(
            store.reconcile(FlagSnapshot.of(List.of(flag("x", 5, 10)), 12, Instant.EPOCH), 2_000))
        .isEmpty();
    assertThat(store.get("x").flag().version()).isEqualTo(5);
    assertThat(store.revision()).isEqualTo(12);
  }

  /** H4: the marker a snapshot left fenced off the flag's return at the same version. */
  @Test
  void aRemovalBySnapshot_isLiftedByAnUpsertOfTheSameVersion_fromTheStreamOrASnapshot() {
    store.apply(upsert("x", 5, 10, 3));
    now.set(2_000);
    assertThat(store.reconcile(FlagSnapshot.of(List.of(), 4, Instant.EPOCH), 2_000))
        .extracting(FlagChanged::current)
        .containsOnlyNulls();
    assertThat(store.hasApplied(RevisionToken.written("x", 5)))
        .as("a removal by snapshot is no delete")
        .isFalse();
    assertThat(store.hasApplied(RevisionToken.deletedAt("x", 5))).isTrue();
    assertThat(store.apply(upsert("x", 5, 10, 3))).isPresent();
    assertThat(store.get("x")).isNotNull();

    now.set(3_000);
    store.reconcile(
        FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), 3_000);
    assertThat(store.reconcile(FlagSnapshot.of(List.of(flag("x", 5, 10)), 5, Instant.EPOCH), 3_000))
        .extracting(FlagChanged::name)
        .containsExactly("x");
    assertThat(store.get("x")).isNotNull();
  }

  @Test
  void aDeleteAfterARemovalBySnapshot_fencesOffTheDeletedVersion() {
    store.apply(upsert("x", 5, 10, 3));
    now.set(2_000);
    store.reconcile(
        FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), 2_000);
    assertThat(store.applyTombstone("x", null)).as("nothing visible to delete").isEmpty();
    assertThat(store.applyTombstone("x", 5L)).isEmpty();
    assertThat(store.apply(upsert("x", 5, 10, 3))).isEmpty();
    assertThat(store.hasApplied(RevisionToken.written("x", 5))).isTrue();
  }

  @Test
  void applyHeartbeat_raisesTheRevision_andChangesNoFlag() {
    store.apply(upsert("a", 1, 10, 4));
    store.applyHeartbeat(9);
    store.applyHeartbeat(2);
    assertThat(store.revision()).isEqualTo(9);
    assertThat(store.flags()).extracting(Flag::name).containsExactly("a");
  }

  /** L14: deletion markers were kept for ever. */
  @Test
  void markers_expireAfterTheRetention_flagsNever() {
    store.apply(upsert("kept", 1, 10, 1));
    store.apply(upsert("deleted", 3, 10, 2));
    store.apply(FlagChangeEvent.delete("deleted", 3, 3, Instant.EPOCH));
    now.addAndGet(FlagStore.MARKER_RETENTION.toNanos() - 1);
    store.cleanUp();
    assertThat(store.apply(upsert("deleted", 3, 10, 2))).as("still fenced").isEmpty();
    now.addAndGet(2);
    store.cleanUp();
    assertThat(store.hasApplied(RevisionToken.written("deleted", 1))).isFalse();
    now.addAndGet(Duration.ofDays(3_650).toNanos());
    store.cleanUp();
    assertThat(store.get("kept")).isNotNull();
  }

  @Test
  void markers_expireTheMomentTheRetentionHasPassed() {
    store.apply(upsert("deleted", 3, 10, 2));
    store.apply(FlagChangeEvent.delete("deleted", 3, 3, Instant.EPOCH));
    now.addAndGet(FlagStore.MARKER_RETENTION.toNanos());
    assertThat(store.hasApplied(RevisionToken.written("deleted", 1))).isFalse();
    assertThat(store.apply(upsert("deleted", 3, 10, 4))).as("no longer fenced").isPresent();
  }

  @Test
  void writes_dropExpiredMarkers_atMostOnceEveryPurgeInterval() {
    store.apply(upsert("deleted", 3, 10, 2));
    store.apply(FlagChangeEvent.delete("deleted", 3, 3, Instant.EPOCH));
    long half = FlagStore.PURGE_EVERY.toNanos() / 2;
    now.addAndGet(FlagStore.MARKER_RETENTION.toNanos() - half);
    store.apply(upsert("a", 1, 10, 4));
    assertThat(store.heldNames()).as("purged, but the marker is not expired yet").isEqualTo(2);
    now.addAndGet(half);
    store.apply(upsert("b", 1, 10, 5));
    assertThat(store.heldNames()).as("expired, but purged half an interval ago").isEqualTo(3);
    now.addAndGet(half);
    store.apply(upsert("c", 1, 10, 6));
    assertThat(store.heldNames()).as("a whole interval since the last purge").isEqualTo(3);
    assertThat(store.flags()).extracting(Flag::name).containsExactly("a", "b", "c");
  }

  @Test
  void reconcile_keepsAFlagDeletedAfterTheSnapshotDeleted() {
    store.apply(upsert("a", 4, 10, 1));
    store.apply(FlagChangeEvent.delete("a", 4, 2, Instant.EPOCH));
    assertThat(store.reconcile(FlagSnapshot.of(List.of(flag("a", 4, 10)), 1, Instant.EPOCH), 0))
        .isEmpty();
    assertThat(store.get("a")).isNull();
  }

  @Test
  void reconcile_keepsAFlagThatArrivedAtTheVeryMomentTheSnapshotWasRequested() {
    now.set(2_000);
    store.apply(upsert("a", 1, 10, 1));
    assertThat(
            store.reconcile(
                FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), 2_000))
        .as("the snapshot may have been read before it arrived")
        .isEmpty();
    assertThat(store.get("a")).isNotNull();
  }

  @Test
  void reconcile_ofAFlagDeletedOnTheStream_reportsNoChange_andKeepsItsDeleteFence() {
    store.apply(upsert("a", 4, 10, 1));
    store.apply(FlagChangeEvent.delete("a", 4, 2, Instant.EPOCH));
    now.set(2_000);
    assertThat(
            store.reconcile(
                FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), 2_000))
        .isEmpty();
    assertThat(store.reconcile(FlagSnapshot.of(List.of(flag("a", 4, 10)), 1, Instant.EPOCH), 3_000))
        .as("a lagging snapshot does not bring the deleted flag back")
        .isEmpty();
    assertThat(store.get("a")).isNull();
  }

  /**
   * As the reference consumer ({@code VersionedFlagSet}): without a version, a tombstone can only
   * delete a flag it sees, so after a removal by snapshot the flag's version still comes back.
   */
  @Test
  void aTombstoneWithoutAVersion_afterARemovalBySnapshot_leavesTheRemovedVersionFree() {
    store.apply(upsert("x", 5, 10, 3));
    now.set(2_000);
    store.reconcile(
        FlagSnapshot.of(List.of(), FlagSnapshot.UNKNOWN_REVISION, Instant.EPOCH), 2_000);
    assertThat(store.applyTombstone("x", null)).isEmpty();
    assertThat(store.apply(upsert("x", 5, 10, 3))).isPresent();
    assertThat(store.get("x")).isNotNull();
  }
}
