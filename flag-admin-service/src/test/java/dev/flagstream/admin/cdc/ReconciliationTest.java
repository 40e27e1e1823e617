package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topic ends equal to the database (findings M8, M14, L5). */
class ReconciliationTest {
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  private final TopicContents topic = new TopicContents();
  private long revision;

  private void upsert(String name, long version) {
    topic.add(
        name,
        FlagChangeJson.toBytes(
            FlagChangeEvent.upsert(Flag.builder(name).version(version).build(), ++revision, AT)),
        null);
  }

  private void delete(String name, long version) {
    topic.add(
        name, FlagChangeJson.toBytes(FlagChangeEvent.delete(name, version, ++revision, AT)), null);
    topic.add(name, null, Long.toString(version));
  }

  @Test
  void aTopicLevelWithTheDatabase_needsNothing() {
    upsert("a", 1);
    upsert("a", 3);
    upsert("b", 2);
    delete("c", 4);
    Reconciliation plan = Reconciliation.of(topic, Map.of("a", 3L, "b", 2L), 4);
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void flagsTheDatabaseNoLongerHas_areGhosts_deletedAtTheVersionConsumersHold() {
    upsert("gone", 5);
    upsert("gone", 7);
    upsert("kept", 6);
    Reconciliation plan = Reconciliation.of(topic, Map.of("kept", 6L), 9);
    assertThat(plan.ghosts()).isEqualTo(Map.of("gone", 7L));
    assertThat(plan.needsReversion()).isFalse();
  }

  @Test
  void aDatabaseAheadOfTheTopic_isChangesStillToCome_notAProblem() {
    upsert("a", 2);
    Reconciliation plan = Reconciliation.of(topic, Map.of("a", 8L, "new", 9L), 9);
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aSequenceBehindTheTopic_reversionsEveryFlag_pastTheTopicsHighestVersion() {
    upsert("a", 10);
    delete("b", 12);
    Reconciliation plan = Reconciliation.of(topic, Map.of("a", 10L), 8);
    assertThat(plan.needsReversion()).isTrue();
    assertThat(plan.sequenceFloor()).isEqualTo(12);
    assertThat(plan.regression()).anySatisfy(r -> assertThat(r).contains("version 12"));
  }

  @Test
  void aRowOlderThanWhatConsumersHold_isARegression_evenWithTheSequenceAhead() {
    upsert("a", 10);
    assertThat(Reconciliation.of(topic, Map.of("a", 9L), 20).needsReversion()).isTrue();
  }

  @Test
  void aRowAtTheVersionConsumersHoldAsDeleted_isARegression() {
    upsert("a", 10);
    delete("a", 10);
    assertThat(Reconciliation.of(topic, Map.of("a", 10L), 20).needsReversion()).isTrue();
  }

  @Test
  void aLastRecordOlderThanOneBeforeIt_whichCompactionWouldKeep_isRepublished() {
    upsert("a", 10);
    upsert("a", 9); // a zombie producer's late write
    Reconciliation plan = Reconciliation.of(topic, Map.of("a", 10L), 10);
    assertThat(plan.needsReversion()).as("a new consumer would start from version 9").isTrue();
  }

  @Test
  void aGhostWhoseLastRecordIsAnOldUpsert_isDeletedAgain() {
    upsert("a", 10);
    delete("a", 10);
    upsert("a", 9);
    assertThat(Reconciliation.of(topic, Map.of(), 10).ghosts()).isEqualTo(Map.of("a", 10L));
  }

  @Test
  void heartbeatsUnreadableRecordsAndBareTombstones_areNoFlags() {
    topic.add(
        FlagTopic.HEARTBEAT_KEY,
        FlagChangeJson.heartbeatToBytes(CaptureHeartbeat.of(77, AT, Duration.ofSeconds(10))),
        null);
    topic.add("garbage", "not json".getBytes(), null);
    topic.add("never-seen", null, null);
    topic.add(null, new byte[] {1}, null);
    assertThat(topic.held()).isEmpty();
    assertThat(topic.highestRevision()).isEqualTo(77);
    assertThat(Reconciliation.of(topic, Map.of(), 0).isEmpty()).isTrue();
  }

  @Test
  void aTombstoneWithoutVersion_deletesWhatIsThere_atItsVersion() {
    upsert("a", 4);
    topic.add("a", null, null);
    assertThat(topic.held().get("a")).isEqualTo(new TopicContents.State(4, true));
    assertThat(Reconciliation.of(topic, Map.of(), 4).isEmpty()).isTrue();
  }

  /**
   * Consumers skip a tombstone whose version header is no number, so they still hold the flag: the
   * topic's reading took it for a delete and left the flag on every consumer after it was gone.
   */
  @Test
  void aTombstoneConsumersSkip_leavesTheFlagHeld_soAFlagTheDatabaseLacksIsStillAGhost() {
    upsert("a", 5);
    topic.add("a", null, "five");
    assertThat(Reconciliation.of(topic, Map.of(), 5).ghosts()).isEqualTo(Map.of("a", 5L));
  }

  @Test
  void aDeletedFlagWhoseLastRecordIsAnOlderDelete_isDeletedAgain_atTheVersionConsumersHold() {
    delete("a", 10);
    delete("a", 9);
    assertThat(Reconciliation.of(topic, Map.of(), 10).ghosts()).isEqualTo(Map.of("a", 10L));
  }

  @Test
  void theReasonsForANewVersion_sayHowFarTheTopicIsAhead_andWhichFlags() {
    upsert("b", 12);
    upsert("a", 10);
    upsert("c", 3);
    Reconciliation plan = Reconciliation.of(topic, Map.of("a", 9L, "b", 12L, "c", 2L), 8);
    assertThat(plan.regression())
        .containsExactly(
            "the topic holds version 12 but the database's sequence has issued only up to 8",
            "2 flag(s) are held on the topic at a version their database row does not exceed,"
                + " e.g. a");
    assertThat(plan.ghosts()).isEmpty();
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void ghostsAlone_needNoNewVersion_butAreNoEmptyPlan() {
    upsert("gone", 4);
    Reconciliation plan = Reconciliation.of(topic, Map.of(), 4);
    assertThat(plan.isEmpty()).isFalse();
    assertThat(plan.needsReversion()).isFalse();
    assertThat(plan.regression()).isEmpty();
  }

  @Test
  void aDeletedFlagWhoseDeletedVersionWasUpsertedAgainLast_isAGhost() {
    delete("a", 10);
    upsert("a", 10); // a replay, which a consumer starting after compaction would take
    assertThat(Reconciliation.of(topic, Map.of(), 10).ghosts()).isEqualTo(Map.of("a", 10L));
  }

  @Test
  void aFlagRecreatedInTheDatabase_afterItsDeleteOnTheTopic_isAChangeStillToCome() {
    upsert("a", 5);
    delete("a", 5);
    assertThat(Reconciliation.of(topic, Map.of("a", 8L), 8).isEmpty()).isTrue();
  }
}
