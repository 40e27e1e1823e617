package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The mapping of Debezium's records, built here in the shape the engine produces them. */
class ChangeRecordsTest {
  private static final Schema ROW =
      SchemaBuilder.struct()
          .field("id", Schema.STRING_SCHEMA)
          .field("name", Schema.STRING_SCHEMA)
          .field("description", Schema.OPTIONAL_STRING_SCHEMA)
          .field("enabled", Schema.BOOLEAN_SCHEMA)
          .field("rollout_percentage", Schema.INT32_SCHEMA)
          .field("user_allowlist", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
          .field("metadata", Schema.STRING_SCHEMA)
          .field("created_by", Schema.OPTIONAL_STRING_SCHEMA)
          .field("created_at", Schema.STRING_SCHEMA)
          .field("updated_at", Schema.STRING_SCHEMA)
          .field("version", Schema.INT64_SCHEMA)
          .optional()
          .build();
  private static final Schema SOURCE =
      SchemaBuilder.struct()
          .field("table", Schema.STRING_SCHEMA)
          .field("ts_ms", Schema.INT64_SCHEMA)
          .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
          .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
          .build();
  private static final Schema ENVELOPE =
      SchemaBuilder.struct()
          .field("before", ROW)
          .field("after", ROW)
          .field("source", SOURCE)
          .field("op", Schema.STRING_SCHEMA)
          .build();
  private static final long COMMITTED = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  private static final Duration EVERY_10S = Duration.ofSeconds(10);
  private static final ChangeRecords CHANGES =
      new ChangeRecords(JsonMapper.builder().build(), EVERY_10S);
  private static final Schema HEARTBEAT_ROW =
      SchemaBuilder.struct()
          .field("id", Schema.INT32_SCHEMA)
          .field("beat_at", Schema.STRING_SCHEMA)
          .optional()
          .build();
  private static final Schema HEARTBEAT_ENVELOPE =
      SchemaBuilder.struct()
          .field("before", HEARTBEAT_ROW)
          .field("after", HEARTBEAT_ROW)
          .field("source", SOURCE)
          .field("op", Schema.STRING_SCHEMA)
          .build();

  private static Struct row(String name, long version) {
    return new Struct(ROW)
        .put("id", "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c")
        .put("name", name)
        .put("description", null)
        .put("enabled", true)
        .put("rollout_percentage", 25)
        .put("user_allowlist", List.of("2d1f5c9e-4b7a-4c3d-9e8f-1a2b3c4d5e6f"))
        .put("metadata", "{\"owner\": \"payments\", \"n\": [1, 2]}")
        .put("created_by", null)
        .put("created_at", "2026-11-01T09:00:00.123456Z")
        .put("updated_at", "2026-11-27T10:00:00Z")
        .put("version", version);
  }

  private static SourceRecord record(
      String table, String op, Struct before, Struct after, String sequence) {
    Struct source =
        new Struct(SOURCE)
            .put("table", table)
            .put("ts_ms", COMMITTED)
            .put("sequence", sequence)
            .put("lsn", 999L);
    Struct value =
        new Struct(ENVELOPE)
            .put("before", before)
            .put("after", after)
            .put("source", source)
            .put("op", op);
    return new SourceRecord(
        Map.of(), Map.of(), "flagstream.public." + table, null, null, ENVELOPE, value);
  }

  @Test
  void createsUpdatesAndSnapshotReads_becomeUpsertsWithTheWholeState() {
    for (String op : new String[] {"c", "u", "r"}) {
      List<TopicRecord> records =
          CHANGES.of(record("feature_flags", op, null, row("a", 7), "[\"500\",\"600\"]"));
      assertThat(records).hasSize(1);
      FlagChangeEvent event = FlagChangeJson.fromBytes(records.get(0).value());
      assertThat(event.op()).isEqualTo(ChangeOp.UPSERT);
      assertThat(event.name()).isEqualTo("a");
      assertThat(event.version()).isEqualTo(7);
      assertThat(event.revision()).isEqualTo(500);
      assertThat(event.changedAt()).isEqualTo(Instant.ofEpochMilli(COMMITTED));
      assertThat(event.flag().description()).isEmpty();
      assertThat(event.flag().enabled()).isTrue();
      assertThat(event.flag().userAllowlist()).hasSize(1);
      assertThat(event.flag().metadata())
          .containsEntry("owner", "payments")
          .containsEntry("n", List.of(1, 2));
      assertThat(event.flag().createdAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00.123456Z"));
      assertThat(records.get(0).key()).isEqualTo("a");
    }
  }

  @Test
  void aDelete_becomesADeleteThenATombstone_withTheDeletedVersion() {
    List<TopicRecord> records =
        CHANGES.of(record("feature_flags", "d", row("a", 9), null, "[\"700\",\"800\"]"));
    assertThat(records).hasSize(2);
    FlagChangeEvent delete = FlagChangeJson.fromBytes(records.get(0).value());
    assertThat(delete.op()).isEqualTo(ChangeOp.DELETE);
    assertThat(delete.version()).isEqualTo(9);
    assertThat(delete.revision()).isEqualTo(700);
    assertThat(records.get(1).isTombstone()).isTrue();
    assertThat(records.get(1).version()).isEqualTo(9);
    assertThat(records.get(1).key()).isEqualTo("a");
  }

  @Test
  void theRevision_isTheLastCommitBeforeTheChange_orZeroWithoutOne() {
    assertThat(
            CHANGES
                .of(record("feature_flags", "r", null, row("a", 1), "[null,\"26262248\"]"))
                .get(0))
        .satisfies(r -> assertThat(FlagChangeJson.fromBytes(r.value()).revision()).isZero());
    assertThat(CHANGES.of(record("feature_flags", "c", null, row("a", 1), null)).get(0))
        .satisfies(r -> assertThat(FlagChangeJson.fromBytes(r.value()).revision()).isZero());
  }

  private static SourceRecord heartbeat(String op, String sequence) {
    Struct source =
        new Struct(SOURCE)
            .put("table", "cdc_heartbeat")
            .put("ts_ms", COMMITTED)
            .put("sequence", sequence)
            .put("lsn", 999L);
    Struct row = new Struct(HEARTBEAT_ROW).put("id", 1).put("beat_at", "2026-11-27T10:00:00Z");
    Struct value =
        new Struct(HEARTBEAT_ENVELOPE)
            .put("before", null)
            .put("after", row)
            .put("source", source)
            .put("op", op);
    return new SourceRecord(
        Map.of(),
        Map.of(),
        "flagstream.public.cdc_heartbeat",
        null,
        null,
        HEARTBEAT_ENVELOPE,
        value);
  }

  @Test
  void heartbeatWrites_becomeHeartbeats_withTheRevisionCommitTimeAndInterval() {
    for (String op : new String[] {"c", "u", "r"}) {
      List<TopicRecord> records = CHANGES.of(heartbeat(op, "[\"900\",\"950\"]"));
      assertThat(records).hasSize(1);
      TopicRecord record = records.get(0);
      assertThat(record.key()).isEqualTo(FlagTopic.HEARTBEAT_KEY);
      assertThat(record.isHeartbeat()).isTrue();
      assertThat(record.isTombstone()).isFalse();
      CaptureHeartbeat beat = FlagChangeJson.heartbeatFromBytes(record.value());
      assertThat(beat.revision()).isEqualTo(900);
      assertThat(beat.beatAt()).isEqualTo(Instant.ofEpochMilli(COMMITTED));
      assertThat(beat.intervalMillis()).isEqualTo(10_000);
      assertThat(record.changedAt()).isEqualTo(Instant.ofEpochMilli(COMMITTED));
    }
    assertThat(CHANGES.of(heartbeat("d", null)))
        .as("only writes of the heartbeat are signs of life")
        .isEmpty();
    assertThat(CHANGES.of(heartbeat("t", null))).as("nor is a truncate").isEmpty();
  }

  @Test
  void otherTablesTruncatesAndNonChangeRecords_becomeNothing() {
    assertThat(CHANGES.of(record("audit_log", "c", null, row("a", 1), null))).isEmpty();
    assertThat(CHANGES.of(record("feature_flags", "t", null, null, null))).isEmpty();
    assertThat(CHANGES.of(new SourceRecord(Map.of(), Map.of(), "t", null, null, null, null)))
        .isEmpty();
    Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
    assertThat(
            CHANGES.of(
                new SourceRecord(
                    Map.of(),
                    Map.of(),
                    "__debezium-heartbeat.flagstream",
                    null,
                    null,
                    heartbeat,
                    new Struct(heartbeat).put("ts_ms", 1L))))
        .isEmpty();
  }

  @Test
  void everyColumnOfTheRow_reachesTheEvent_andTheRecordCarriesVersionAndCommitTime() {
    Struct row =
        row("checkout", 12)
            .put("description", "pays")
            .put("enabled", false)
            .put("rollout_percentage", 0)
            .put("created_by", "2d1f5c9e-4b7a-4c3d-9e8f-1a2b3c4d5e6f");
    TopicRecord record = CHANGES.of(record("feature_flags", "u", null, row, "[]")).get(0);
    assertThat(record.version()).isEqualTo(12);
    assertThat(record.changedAt()).isEqualTo(Instant.ofEpochMilli(COMMITTED));
    assertThat(record.isTombstone()).isFalse();
    assertThat(record.isHeartbeat()).isFalse();
    FlagChangeEvent event = FlagChangeJson.fromBytes(record.value());
    assertThat(event.revision()).as("no commit before it").isZero();
    assertThat(event.flag().description()).isEqualTo("pays");
    assertThat(event.flag().enabled()).isFalse();
    assertThat(event.flag().rolloutPercentage()).isZero();
    assertThat(event.flag().version()).isEqualTo(12);
    assertThat(event.flag().updatedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(event.flag().createdBy())
        .isEqualTo(UUID.fromString("2d1f5c9e-4b7a-4c3d-9e8f-1a2b3c4d5e6f"));
    assertThat(
            CHANGES.of(record("feature_flags", "c", null, row("a", 1), "[\"41\"]")).get(0).value())
        .satisfies(value -> assertThat(FlagChangeJson.fromBytes(value).revision()).isEqualTo(41));
  }
}
