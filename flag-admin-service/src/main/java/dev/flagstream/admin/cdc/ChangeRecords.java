package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the capture engine's change records into flag topic records. Of {@code feature_flags}:
 * create, update and snapshot read become an UPSERT with the whole new state; a delete becomes a
 * DELETE followed by a tombstone. Of {@code cdc_heartbeat}: every write becomes a {@link
 * CaptureHeartbeat} under {@link FlagTopic#HEARTBEAT_KEY}, which has come the whole way a change
 * comes and so tells consumers the pipeline moves. Anything else becomes nothing. Pure and
 * thread-safe. The event's wire form is the contract's ({@link FlagChangeJson}); the JSON of the
 * database (the {@code metadata} column) and of the engine ({@code source.sequence}) is read with
 * the service's own mapper, as the flag API reads it.
 *
 * <p>The revision is the position of the change's transaction in commit order: Debezium's {@code
 * source.sequence[0]}, the end of the last transaction committed before it, which all changes of
 * one transaction share and which grows with every commit. A change's own LSN would not do: a
 * transaction that began earlier but committed later has smaller LSNs. The snapshot and the first
 * transaction after it have no predecessor and share revision 0; replays give the same revisions.
 */
final class ChangeRecords {
  static final String FLAG_TABLE = "feature_flags";
  static final String HEARTBEAT_TABLE = "cdc_heartbeat";
  private static final TypeReference<Map<String, @Nullable Object>> OBJECT =
      new TypeReference<>() {};
  private static final TypeReference<List<@Nullable String>> POSITIONS = new TypeReference<>() {};

  private final JsonMapper json;
  private final Duration heartbeatInterval;

  /**
   * @param json the service's mapper
   * @param heartbeatInterval how often heartbeats are written, which a heartbeat record announces
   */
  ChangeRecords(JsonMapper json, Duration heartbeatInterval) {
    this.json = json;
    this.heartbeatInterval = heartbeatInterval;
  }

  /**
   * The topic records for one engine record; empty when it is neither a flag change nor a
   * heartbeat.
   */
  List<TopicRecord> of(SourceRecord record) {
    if (!(record.value() instanceof Struct envelope) || !hasField(envelope, "op")) {
      return List.of(); // a Debezium tombstone or another kind of message
    }
    Struct source = envelope.getStruct("source");
    String table = source.getString("table");
    String op = envelope.getString("op");
    long revision = revision(source);
    Instant changedAt = Instant.ofEpochMilli(source.getInt64("ts_ms"));
    if (HEARTBEAT_TABLE.equals(table)) {
      return "d".equals(op) || "t".equals(op) ? List.of() : List.of(heartbeat(revision, changedAt));
    }
    if (!FLAG_TABLE.equals(table)) {
      return List.of();
    }
    List<TopicRecord> records = new ArrayList<>(2);
    switch (op) {
      case "c", "u", "r" -> {
        Flag flag = flag(envelope.getStruct("after"));
        FlagChangeEvent event = FlagChangeEvent.upsert(flag, revision, changedAt);
        records.add(
            new TopicRecord(flag.name(), FlagChangeJson.toBytes(event), flag.version(), changedAt));
      }
      case "d" -> {
        Struct before = envelope.getStruct("before");
        String name = before.getString("name");
        long version = before.getInt64("version");
        FlagChangeEvent event = FlagChangeEvent.delete(name, version, revision, changedAt);
        records.add(new TopicRecord(name, FlagChangeJson.toBytes(event), version, changedAt));
        records.add(new TopicRecord(name, null, version, changedAt));
      }
      default -> {
        // "t" (truncate) and messages are not changes of single flags; truncating the flag
        // table is not something the admin service does.
      }
    }
    return records;
  }

  private TopicRecord heartbeat(long revision, Instant beatAt) {
    CaptureHeartbeat beat = CaptureHeartbeat.of(revision, beatAt, heartbeatInterval);
    return new TopicRecord(
        FlagTopic.HEARTBEAT_KEY, FlagChangeJson.heartbeatToBytes(beat), 0, beatAt);
  }

  private long revision(Struct source) {
    String sequence = source.getString("sequence");
    if (sequence == null) {
      return 0;
    }
    List<@Nullable String> positions = json.readValue(sequence, POSITIONS);
    String lastCommit = positions.isEmpty() ? null : positions.get(0);
    return lastCommit == null ? 0 : Long.parseLong(lastCommit);
  }

  private Flag flag(Struct row) {
    String description = row.getString("description");
    String createdBy = row.getString("created_by");
    List<?> allowlist = row.getArray("user_allowlist");
    return Flag.builder(row.getString("name"))
        .description(description == null ? "" : description)
        .enabled(Boolean.TRUE.equals(row.getBoolean("enabled")))
        .rolloutPercentage(row.getInt32("rollout_percentage"))
        .userAllowlist(
            allowlist == null
                ? List.of()
                : allowlist.stream().map(id -> UUID.fromString((String) id)).toList())
        .metadata(json.readValue(row.getString("metadata"), OBJECT))
        .version(row.getInt64("version"))
        .createdAt(Instant.parse(row.getString("created_at")))
        .updatedAt(Instant.parse(row.getString("updated_at")))
        .createdBy(createdBy == null ? null : UUID.fromString(createdBy))
        .build();
  }

  private static boolean hasField(Struct struct, String name) {
    return struct.schema().field(name) != null;
  }
}
