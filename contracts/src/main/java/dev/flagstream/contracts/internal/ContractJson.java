package dev.flagstream.contracts.internal;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The wire forms of the contracts, as their JSON schemas describe them: members in a fixed order,
 * times as ISO-8601 instants, UUIDs in canonical form. Readers take the members in any order,
 * ignore members they do not know, and refuse a missing member, a null where a value is required,
 * and a value of the wrong type. Construction errors of the records (say, an UPSERT without its
 * flag) come out as they are, as {@link IllegalArgumentException} or {@link NullPointerException};
 * callers turn every refusal into their own exception. Thread-safe: no state.
 */
public final class ContractJson {
  private ContractJson() {}

  /** Writes a flag in the form it has inside events and snapshots. */
  public static JsonWriter writeFlag(JsonWriter out, Flag flag) {
    out.beginObject()
        .name("name")
        .value(flag.name())
        .name("description")
        .value(flag.description())
        .name("enabled")
        .value(flag.enabled())
        .name("rolloutPercentage")
        .value(flag.rolloutPercentage())
        .name("userAllowlist")
        .beginArray();
    for (UUID id : flag.userAllowlist()) {
      out.value(id.toString());
    }
    return out.endArray()
        .name("metadata")
        .json(flag.metadata())
        .name("version")
        .value(flag.version())
        .name("createdAt")
        .value(flag.createdAt().toString())
        .name("updatedAt")
        .value(flag.updatedAt().toString())
        .name("createdBy")
        .value(flag.createdBy() == null ? null : flag.createdBy().toString())
        .endObject();
  }

  /**
   * Writes a flag in canonical form, the input of snapshot digests: members and metadata keys in
   * ascending order of their names.
   */
  public static JsonWriter writeCanonicalFlag(JsonWriter out, Flag flag) {
    out.beginObject()
        .name("createdAt")
        .value(flag.createdAt().toString())
        .name("createdBy")
        .value(flag.createdBy() == null ? null : flag.createdBy().toString())
        .name("description")
        .value(flag.description())
        .name("enabled")
        .value(flag.enabled())
        .name("metadata")
        .canonicalJson(flag.metadata())
        .name("name")
        .value(flag.name())
        .name("rolloutPercentage")
        .value(flag.rolloutPercentage())
        .name("updatedAt")
        .value(flag.updatedAt().toString())
        .name("userAllowlist")
        .beginArray();
    for (UUID id : flag.userAllowlist()) {
      out.value(id.toString());
    }
    return out.endArray().name("version").value(flag.version()).endObject();
  }

  /** Reads a flag. */
  public static Flag readFlag(JsonReader in) {
    Members members =
        new Members(
            "name",
            "description",
            "enabled",
            "rolloutPercentage",
            "userAllowlist",
            "metadata",
            "version",
            "createdAt",
            "updatedAt",
            "createdBy");
    String name = "";
    String description = "";
    boolean enabled = false;
    int rolloutPercentage = 0;
    List<UUID> allowlist = List.of();
    Map<?, ?> metadata = Map.of();
    long version = 0;
    Instant createdAt = Instant.EPOCH;
    Instant updatedAt = Instant.EPOCH;
    UUID createdBy = null;
    in.beginObject();
    for (String member = in.nextName(); member != null; member = in.nextName()) {
      switch (members.seen(member)) {
        case 0 -> name = string(in, member);
        case 1 -> description = string(in, member);
        case 2 -> enabled = bool(in, member);
        case 3 -> rolloutPercentage = integer(in, member);
        case 4 -> allowlist = uuids(in, member);
        case 5 -> metadata = object(in, member);
        case 6 -> version = number(in, member);
        case 7 -> createdAt = instant(in, member);
        case 8 -> updatedAt = instant(in, member);
        case 9 -> createdBy = in.nextIsNull() ? null : uuid(in, member);
        default -> in.skipValue();
      }
    }
    members.requireAll(in);
    return new Flag(
        name,
        description,
        enabled,
        rolloutPercentage,
        new java.util.LinkedHashSet<>(allowlist),
        castMetadata(metadata),
        version,
        createdAt,
        updatedAt,
        createdBy);
  }

  /** Writes a change event. */
  public static JsonWriter writeEvent(JsonWriter out, FlagChangeEvent event) {
    out.beginObject()
        .name("schemaVersion")
        .value(event.schemaVersion())
        .name("op")
        .value(event.op().name())
        .name("name")
        .value(event.name())
        .name("flag");
    Flag flag = event.flag();
    if (flag == null) {
      out.value((String) null);
    } else {
      writeFlag(out, flag);
    }
    return out.name("version")
        .value(event.version())
        .name("revision")
        .value(event.revision())
        .name("changedAt")
        .value(event.changedAt().toString())
        .endObject();
  }

  /** Reads a change event, the whole text. */
  public static FlagChangeEvent readEvent(JsonReader in) {
    Members members =
        new Members("schemaVersion", "op", "name", "flag", "version", "revision", "changedAt");
    int schemaVersion = 0;
    ChangeOp op = ChangeOp.UPSERT;
    String name = "";
    Flag flag = null;
    long version = 0;
    long revision = 0;
    Instant changedAt = Instant.EPOCH;
    in.beginObject();
    for (String member = in.nextName(); member != null; member = in.nextName()) {
      switch (members.seen(member)) {
        case 0 -> schemaVersion = integer(in, member);
        case 1 -> op = op(in, member);
        case 2 -> name = string(in, member);
        case 3 -> flag = in.nextIsNull() ? null : readFlag(in);
        case 4 -> version = number(in, member);
        case 5 -> revision = number(in, member);
        case 6 -> changedAt = instant(in, member);
        default -> in.skipValue();
      }
    }
    members.requireAll(in);
    in.endOfInput();
    return new FlagChangeEvent(schemaVersion, op, name, flag, version, revision, changedAt);
  }

  /** Writes a capture heartbeat. */
  public static JsonWriter writeHeartbeat(JsonWriter out, CaptureHeartbeat heartbeat) {
    return out.beginObject()
        .name("schemaVersion")
        .value(heartbeat.schemaVersion())
        .name("revision")
        .value(heartbeat.revision())
        .name("beatAt")
        .value(heartbeat.beatAt().toString())
        .name("intervalMillis")
        .value(heartbeat.intervalMillis())
        .name("op")
        .value(heartbeat.op())
        .endObject();
  }

  /** Reads a capture heartbeat, the whole text. */
  public static CaptureHeartbeat readHeartbeat(JsonReader in) {
    Members members = new Members("schemaVersion", "revision", "beatAt", "intervalMillis");
    int schemaVersion = 0;
    long revision = 0;
    Instant beatAt = Instant.EPOCH;
    long intervalMillis = 0;
    in.beginObject();
    for (String member = in.nextName(); member != null; member = in.nextName()) {
      switch (members.seen(member)) {
        case 0 -> schemaVersion = integer(in, member);
        case 1 -> revision = number(in, member);
        case 2 -> beatAt = instant(in, member);
        case 3 -> intervalMillis = number(in, member);
        default -> in.skipValue();
      }
    }
    members.requireAll(in);
    in.endOfInput();
    return new CaptureHeartbeat(schemaVersion, revision, beatAt, intervalMillis);
  }

  /** Writes a snapshot. */
  public static JsonWriter writeSnapshot(JsonWriter out, FlagSnapshot snapshot) {
    writeSnapshotStart(
        out,
        snapshot.schemaVersion(),
        snapshot.revision(),
        snapshot.digest(),
        snapshot.generatedAt());
    for (Flag flag : snapshot.flags()) {
      writeFlag(out, flag);
    }
    return writeSnapshotEnd(out, snapshot.freshAt());
  }

  /** Writes a snapshot up to its first flag: the members before them and the array's opening. */
  public static JsonWriter writeSnapshotStart(
      JsonWriter out, int schemaVersion, long revision, String digest, Instant generatedAt) {
    return out.beginObject()
        .name("schemaVersion")
        .value(schemaVersion)
        .name("revision")
        .value(revision)
        .name("digest")
        .value(digest)
        .name("generatedAt")
        .value(generatedAt.toString())
        .name("flags")
        .beginArray();
  }

  /** Writes a snapshot from after its last flag: the array's end and the members after it. */
  public static JsonWriter writeSnapshotEnd(JsonWriter out, Instant freshAt) {
    return out.endArray().name("freshAt").value(freshAt.toString()).endObject();
  }

  /**
   * Reads a snapshot, the whole text. A snapshot without {@code freshAt}, written before it
   * existed, is fresh as of its {@code generatedAt}.
   */
  public static FlagSnapshot readSnapshot(JsonReader in) {
    Members members =
        new Members("schemaVersion", "revision", "digest", "generatedAt", "flags", "freshAt");
    int schemaVersion = 0;
    long revision = 0;
    String digest = "";
    Instant generatedAt = Instant.EPOCH;
    List<Flag> flags = new ArrayList<>();
    Instant freshAt = null;
    in.beginObject();
    for (String member = in.nextName(); member != null; member = in.nextName()) {
      switch (members.seen(member)) {
        case 0 -> schemaVersion = integer(in, member);
        case 1 -> revision = number(in, member);
        case 2 -> digest = string(in, member);
        case 3 -> generatedAt = instant(in, member);
        case 4 -> {
          flags.clear();
          if (in.nextIsNull()) {
            throw in.error("'flags' must be an array, not null");
          }
          in.beginArray();
          while (in.hasNext()) {
            flags.add(readFlag(in));
          }
        }
        case 5 -> freshAt = instant(in, member);
        default -> in.skipValue();
      }
    }
    members.requireAllBut(in, "freshAt");
    in.endOfInput();
    return new FlagSnapshot(
        schemaVersion,
        revision,
        digest,
        generatedAt,
        flags,
        freshAt == null ? generatedAt : freshAt);
  }

  private static String string(JsonReader in, String member) {
    if (in.nextIsNull()) {
      throw in.error("'" + member + "' must be a string, not null");
    }
    return in.readString();
  }

  private static boolean bool(JsonReader in, String member) {
    if (in.nextIsNull()) {
      throw in.error("'" + member + "' must be true or false, not null");
    }
    return in.readBoolean();
  }

  private static long number(JsonReader in, String member) {
    if (in.nextIsNull()) {
      throw in.error("'" + member + "' must be an integer, not null");
    }
    return in.readLong();
  }

  private static int integer(JsonReader in, String member) {
    if (in.nextIsNull()) {
      throw in.error("'" + member + "' must be an integer, not null");
    }
    return in.readInt();
  }

  private static Instant instant(JsonReader in, String member) {
    String text = string(in, member);
    try {
      return IsoInstants.parse(text);
    } catch (DateTimeParseException e) {
      throw in.error("'" + member + "' must be an ISO-8601 instant, got '" + text + "'");
    }
  }

  private static UUID uuid(JsonReader in, String member) {
    String text = string(in, member);
    if (!isCanonicalUuid(text)) {
      throw in.error("'" + member + "' must hold UUIDs in canonical form, got '" + text + "'");
    }
    return UUID.fromString(text);
  }

  /** 8-4-4-4-12 hexadecimal digits, in either letter case, as the schema's pattern says. */
  static boolean isCanonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }

  private static List<UUID> uuids(JsonReader in, String member) {
    if (in.nextIsNull()) {
      throw in.error("'" + member + "' must be an array, not null");
    }
    List<UUID> ids = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      ids.add(uuid(in, member));
    }
    return ids;
  }

  private static Map<?, ?> object(JsonReader in, String member) {
    if (!(in.readValue() instanceof Map<?, ?> object)) {
      throw in.error("'" + member + "' must be an object");
    }
    return object;
  }

  private static ChangeOp op(JsonReader in, String member) {
    String text = string(in, member);
    for (ChangeOp op : ChangeOp.values()) {
      if (op.name().equals(text)) {
        return op;
      }
    }
    throw in.error("'" + member + "' must be UPSERT or DELETE, got '" + text + "'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> castMetadata(Map<?, ?> metadata) {
    return (Map<String, @Nullable Object>) metadata; // keys of a parsed object are strings
  }

  /** Which of an object's required members were seen. */
  private static final class Members {
    private final List<String> names;
    private final boolean[] seen;

    Members(String... names) {
      this.names = List.of(names);
      this.seen = new boolean[names.length];
    }

    /** The index of {@code name} among the members, -1 for one not known. */
    int seen(String name) {
      int index = names.indexOf(name);
      if (index >= 0) {
        seen[index] = true;
      }
      return index;
    }

    void requireAll(JsonReader in) {
      requireAllBut(in, null);
    }

    void requireAllBut(JsonReader in, @Nullable String optional) {
      for (int i = 0; i < seen.length; i++) {
        if (!seen[i] && !names.get(i).equals(optional)) {
          throw in.error("missing '" + names.get(i) + "'");
        }
      }
    }
  }
}
