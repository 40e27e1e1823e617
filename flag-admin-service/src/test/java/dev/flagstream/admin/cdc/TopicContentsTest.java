package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.cdc.TopicContents.State;
import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.HeldState;
import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What reading the flag topic makes of a sequence of records, as the reconciliation sees it. */
class TopicContentsTest {
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  private final TopicContents topic = new TopicContents();

  /** A record as a Kafka consumer hands it over; headers are ASCII text. */
  static ConsumerRecord<String, byte[]> record(
      @Nullable String key, byte @Nullable [] value, Map<String, String> headers) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(FlagTopic.DEFAULT_NAME, 0, 0, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.US_ASCII)));
    return record;
  }

  private static byte[] upsert(String name, long version, long revision) {
    return FlagChangeJson.toBytes(
        FlagChangeEvent.upsert(Flag.builder(name).version(version).build(), revision, AT));
  }

  private static byte[] delete(String name, long version, long revision) {
    return FlagChangeJson.toBytes(FlagChangeEvent.delete(name, version, revision, AT));
  }

  private static byte[] heartbeat(long revision) {
    return FlagChangeJson.heartbeatToBytes(
        CaptureHeartbeat.of(revision, AT, Duration.ofSeconds(5)));
  }

  @Test
  void anEmptyTopic_holdsNothing_atVersionAndRevisionZero() {
    assertThat(topic.held()).isEmpty();
    assertThat(topic.last()).isEmpty();
    assertThat(topic.highestVersion()).isZero();
    assertThat(topic.highestRevision()).isZero();
  }

  @Test
  void upserts_holdTheNewestVersion_whileLastIsTheLatestRecord() {
    topic.add("a", upsert("a", 3, 1), null);
    topic.add("a", upsert("a", 5, 2), null);
    topic.add("a", upsert("a", 4, 3), null); // a late write of an older version
    assertThat(topic.held()).containsExactly(Map.entry("a", new State(5, false)));
    assertThat(topic.last()).containsExactly(Map.entry("a", new State(4, false)));
    assertThat(topic.highestVersion()).isEqualTo(5);
    assertThat(topic.highestRevision()).isEqualTo(3);
  }

  @Test
  void aDelete_supersedesTheUpsertOfItsVersion_andAnOlderUpsertAfterItChangesNothingHeld() {
    topic.add("a", upsert("a", 6, 1), null);
    topic.add("a", delete("a", 6, 2), null);
    assertThat(topic.held().get("a")).isEqualTo(new State(6, true));
    topic.add("a", upsert("a", 6, 3), null); // a replay of the deleted version
    topic.add("a", upsert("a", 2, 4), null);
    assertThat(topic.held().get("a")).isEqualTo(new State(6, true));
    assertThat(topic.last().get("a")).isEqualTo(new State(2, false));
  }

  @Test
  void aFlagRecreatedAfterItsDelete_isHeldAgain_atItsNewVersion() {
    topic.add("a", upsert("a", 1, 1), null);
    topic.add("a", delete("a", 1, 2), null);
    topic.add("a", null, "1");
    topic.add("a", upsert("a", 8, 3), null);
    assertThat(topic.held().get("a")).isEqualTo(new State(8, false));
  }

  @Test
  void aVersionedTombstone_deletesAtItsVersion_evenOfAFlagNeverSeen() {
    topic.add("a", upsert("a", 2, 1), null);
    topic.add("a", null, "2");
    topic.add("b", null, "9");
    assertThat(topic.held())
        .containsOnly(Map.entry("a", new State(2, true)), Map.entry("b", new State(9, true)));
    assertThat(topic.highestVersion()).as("tombstone versions count").isEqualTo(9);
    assertThat(topic.highestRevision()).as("a tombstone carries no revision").isEqualTo(1);
  }

  @Test
  void aTombstoneWithoutVersion_deletesWhatIsHeld_atTheHeldVersion() {
    topic.add("a", upsert("a", 7, 1), null);
    topic.add("a", upsert("a", 5, 2), null); // last record older than what is held
    topic.add("a", null, null);
    assertThat(topic.held().get("a")).isEqualTo(new State(7, true));
    assertThat(topic.last().get("a")).isEqualTo(new State(7, true));
  }

  @Test
  void aTombstoneWithoutVersion_ofAFlagNeverHeld_isNothing() {
    topic.add("a", null, null);
    assertThat(topic.held()).isEmpty();
    assertThat(topic.last()).isEmpty();
  }

  @Test
  void aTombstoneWhoseVersionIsNoDecimalNumber_isSkipped_asConsumersSkipIt() {
    topic.add("a", upsert("a", 4, 1), null);
    for (String version : new String[] {"abc", "-5", "+5", "", " 5", "1234567890123456789"}) {
      topic.add("a", null, version);
      assertThat(topic.held().get("a")).as(version).isEqualTo(new State(4, false));
      assertThat(topic.last().get("a")).as(version).isEqualTo(new State(4, false));
    }
    topic.add("a", null, "123456789012345678");
    assertThat(topic.held().get("a")).isEqualTo(new State(123_456_789_012_345_678L, true));
  }

  @Test
  void anEventFiledUnderAnotherFlagsName_isSkipped_andItsRevisionDoesNotCount() {
    topic.add("b", upsert("a", 3, 40), null);
    assertThat(topic.held()).isEmpty();
    assertThat(topic.last()).isEmpty();
    assertThat(topic.highestVersion()).isZero();
    assertThat(topic.highestRevision()).isZero();
  }

  @Test
  void unreadableValuesAndRecordsWithoutKey_areSkipped() {
    topic.add("a", "{".getBytes(StandardCharsets.UTF_8), null);
    topic.add(null, upsert("a", 3, 40), null);
    assertThat(topic.held()).isEmpty();
    assertThat(topic.highestRevision()).isZero();
  }

  @Test
  void heartbeats_raiseTheRevisionOnly_neverLowerIt() {
    topic.add("a", upsert("a", 2, 10), null);
    topic.add(FlagTopic.HEARTBEAT_KEY, heartbeat(30), null);
    assertThat(topic.highestRevision()).isEqualTo(30);
    topic.add(FlagTopic.HEARTBEAT_KEY, heartbeat(20), null);
    topic.add("a", upsert("a", 3, 25), null);
    assertThat(topic.highestRevision()).isEqualTo(30);
    assertThat(topic.held()).containsOnlyKeys("a");
    assertThat(topic.highestVersion()).isEqualTo(3);
  }

  @Test
  void heartbeatsWithoutValueOrUnreadable_areSkipped() {
    topic.add(FlagTopic.HEARTBEAT_KEY, null, "5");
    topic.add(FlagTopic.HEARTBEAT_KEY, upsert("a", 3, 40), null);
    assertThat(topic.held()).isEmpty();
    assertThat(topic.highestVersion()).isZero();
    assertThat(topic.highestRevision()).isZero();
  }

  @Test
  void kafkaRecords_areReadWithTheirVersionHeader() {
    topic.add(record("a", upsert("a", 4, 1), Map.of()));
    topic.add(record("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "abc")));
    assertThat(topic.held().get("a")).isEqualTo(new State(4, false));
    topic.add(record("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "6")));
    assertThat(topic.held().get("a")).isEqualTo(new State(6, true));
    topic.add(record("b", upsert("b", 1, 2), Map.of("other", "9")));
    topic.add(record("b", null, Map.of()));
    assertThat(topic.held().get("b")).isEqualTo(new State(1, true));
  }

  @Test
  void aVersionHeaderWithoutValue_isATombstoneWithoutVersion() {
    topic.add(record("a", upsert("a", 4, 1), Map.of()));
    ConsumerRecord<String, byte[]> tombstone = record("a", null, Map.of());
    tombstone.headers().add(FlagTopic.TOMBSTONE_VERSION_HEADER, null);
    topic.add(tombstone);
    assertThat(topic.held().get("a")).isEqualTo(new State(4, true));
  }

  @Test
  void aState_isHeldAsTheFlagOrItsDeletionMarker() {
    assertThat(new State(3, false).held()).isEqualTo(HeldState.flag(3));
    assertThat(new State(3, false).op()).isEqualTo(ChangeOp.UPSERT);
    assertThat(new State(3, true).held()).isEqualTo(HeldState.deleted(3));
    assertThat(new State(3, true).op()).isEqualTo(ChangeOp.DELETE);
  }
}
