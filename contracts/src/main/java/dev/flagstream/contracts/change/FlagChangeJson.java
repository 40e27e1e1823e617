package dev.flagstream.contracts.change;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.internal.ContractJson;
import dev.flagstream.contracts.internal.JsonReader;
import dev.flagstream.contracts.internal.JsonWriter;
import java.nio.charset.StandardCharsets;

/**
 * The JSON wire form of change events, as described by {@code flag-change-event.schema.json}.
 * Readers ignore fields they do not know, so producers may add fields without a new schema version.
 * Thread-safe.
 */
public final class FlagChangeJson {
  private FlagChangeJson() {}

  /** The event as compact UTF-8 JSON. */
  public static byte[] toBytes(FlagChangeEvent event) {
    return ContractJson.writeEvent(new JsonWriter(), event).toBytes();
  }

  /** The event as compact JSON text. */
  public static String toJson(FlagChangeEvent event) {
    return ContractJson.writeEvent(new JsonWriter(), event).toString();
  }

  /**
   * Reads an event.
   *
   * @throws InvalidChangeEventException when the bytes are not a complete, valid event of a schema
   *     version this reader knows
   */
  public static FlagChangeEvent fromBytes(byte[] json) {
    FlagChangeEvent event;
    try {
      event = ContractJson.readEvent(JsonReader.of(json));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidChangeEventException("not a flag change event: " + e.getMessage(), e);
    }
    if (event.schemaVersion() < 1 || event.schemaVersion() > FlagChangeEvent.SCHEMA_VERSION) {
      throw new InvalidChangeEventException(
          "schema version "
              + event.schemaVersion()
              + " is not readable here, which knows 1 to "
              + FlagChangeEvent.SCHEMA_VERSION);
    }
    return event;
  }

  /** Reads an event from JSON text; see {@link #fromBytes(byte[])}. */
  public static FlagChangeEvent fromJson(String json) {
    return fromBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The heartbeat as compact UTF-8 JSON. */
  public static byte[] heartbeatToBytes(CaptureHeartbeat heartbeat) {
    return ContractJson.writeHeartbeat(new JsonWriter(), heartbeat).toBytes();
  }

  /**
   * Reads a heartbeat, the value of a record under {@link FlagTopic#HEARTBEAT_KEY}.
   *
   * @throws InvalidChangeEventException when the bytes are not a complete heartbeat of a schema
   *     version this reader knows
   */
  public static CaptureHeartbeat heartbeatFromBytes(byte[] json) {
    CaptureHeartbeat heartbeat;
    try {
      heartbeat = ContractJson.readHeartbeat(JsonReader.of(json));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidChangeEventException("not a capture heartbeat: " + e.getMessage(), e);
    }
    if (heartbeat.schemaVersion() != CaptureHeartbeat.SCHEMA_VERSION) {
      throw new InvalidChangeEventException(
          "heartbeat schema version " + heartbeat.schemaVersion() + " is not readable here");
    }
    return heartbeat;
  }

  /** A flag as JSON text, in the form it has inside an event. */
  public static String flagToJson(Flag flag) {
    return ContractJson.writeFlag(new JsonWriter(), flag).toString();
  }

  /**
   * Reads a flag in the form it has inside an event.
   *
   * @throws InvalidChangeEventException when the text is not a complete flag
   */
  public static Flag flagFromJson(String json) {
    try {
      JsonReader in = JsonReader.of(json);
      Flag flag = ContractJson.readFlag(in);
      in.endOfInput();
      return flag;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidChangeEventException("not a flag: " + e.getMessage(), e);
    }
  }
}
