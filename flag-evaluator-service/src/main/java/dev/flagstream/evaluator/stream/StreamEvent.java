package dev.flagstream.evaluator.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing to write to a stream: a named event with the store revision as its id, or a comment.
 *
 * @param name the event's name; null for a comment
 * @param revision the store revision, the event's id; null for a comment
 * @param flag the flag a {@code flag} event is about, for ordering; null otherwise
 * @param data the event's data, written as JSON; null for a comment
 * @param comment the comment's text; null for an event
 */
record StreamEvent(
    @Nullable String name,
    @Nullable Long revision,
    @Nullable String flag,
    @Nullable Map<String, Object> data,
    @Nullable String comment) {

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
    return new StreamEvent(
        "flag",
        revision,
        flag,
        Map.of("flag", flag, "value", value, "exists", exists, "revision", revision),
        null);
  }

  static StreamEvent heartbeat() {
    return new StreamEvent(null, null, null, null, "heartbeat");
  }
}
