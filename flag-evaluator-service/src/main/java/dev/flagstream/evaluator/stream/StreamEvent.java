package dev.flagstream.evaluator.stream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One thing to write to a stream: a named event with the store revision as its id, or a comment.
 * Written out in the event-stream format once, by the first stream that sends it (not while the
 * streams' lock is held): a change's event is the same for every stream whose user gets the same
 * value, and it is sent to all of them as these bytes.
 */
final class StreamEvent {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final @Nullable String name;
  private final @Nullable Long revision;
  private final @Nullable String flag;
  private final @Nullable Map<String, Object> data;
  private final @Nullable String comment;
  // Made by the first sender; two senders at once would make equal bytes, so no lock is needed.
  private volatile byte @Nullable [] encoded;

  private StreamEvent(
      @Nullable String name,
      @Nullable Long revision,
      @Nullable String flag,
      @Nullable Map<String, Object> data,
      @Nullable String comment) {
    this.name = name;
    this.revision = revision;
    this.flag = flag;
    this.data = data;
    this.comment = comment;
  }

  /** Every flag's value for the stream's user. */
  static StreamEvent snapshot(
      long revision, Map<String, Boolean> values, @Nullable Boolean revisionReached) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("revision", revision);
    data.put("values", Map.copyOf(values));
    if (revisionReached != null) {
      data.put("revisionReached", revisionReached);
    }
    return new StreamEvent("snapshot", revision, null, data, null);
  }

  /** One flag's value for the stream's user; {@code exists} false once the flag is deleted. */
  static StreamEvent flag(String flag, boolean value, boolean exists, long revision) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("flag", flag);
    data.put("value", value);
    data.put("exists", exists);
    data.put("revision", revision);
    return new StreamEvent("flag", revision, flag, data, null);
  }

  static StreamEvent heartbeat() {
    return new StreamEvent(null, null, null, null, "heartbeat");
  }

  /** The event's name; null for a comment. */
  @Nullable String name() {
    return name;
  }

  /** The store revision, the event's id; null for a comment. */
  @Nullable Long revision() {
    return revision;
  }

  /** The flag a {@code flag} event is about, for ordering; null otherwise. */
  @Nullable String flag() {
    return flag;
  }

  /** The event's data, as written in JSON; null for a comment. */
  @Nullable Map<String, Object> data() {
    return data;
  }

  /** The comment's text; null for an event. */
  @Nullable String comment() {
    return comment;
  }

  /**
   * The event as the stream carries it: {@code id}, {@code event} and {@code data} lines, or a
   * comment, then a blank line. Not to be changed: it is shared.
   */
  byte[] encoded() {
    byte[] bytes = encoded;
    if (bytes == null) {
      String text =
          comment != null
              ? ":" + comment + "\n\n"
              : "id:"
                  + revision
                  + "\nevent:"
                  + name
                  + "\ndata:"
                  + JSON.writeValueAsString(data)
                  + "\n\n";
      bytes = text.getBytes(StandardCharsets.UTF_8);
      encoded = bytes;
    }
    return bytes;
  }
}
