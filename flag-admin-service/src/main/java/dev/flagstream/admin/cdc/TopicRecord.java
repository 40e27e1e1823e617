package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagTopic;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record for the flag topic: a change event, a heartbeat, or ({@code value} null) the tombstone
 * that follows a delete, which carries the deleted version in a header.
 *
 * @param version the flag's version; 0 for a heartbeat
 * @param changedAt when the change was committed, for the commit-to-publish lag
 */
record TopicRecord(String key, byte @Nullable [] value, long version, Instant changedAt) {
  boolean isTombstone() {
    return value == null;
  }

  boolean isHeartbeat() {
    return key.equals(FlagTopic.HEARTBEAT_KEY);
  }
}
