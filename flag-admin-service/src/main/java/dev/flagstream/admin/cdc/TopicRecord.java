package dev.flagstream.admin.cdc;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record for the flag topic: a change event, or ({@code value} null) the tombstone that follows
 * a delete, which carries the deleted version in a header.
 *
 * @param changedAt when the change was committed, for the commit-to-publish lag
 */
record TopicRecord(String key, byte @Nullable [] value, long version, Instant changedAt) {
  boolean isTombstone() {
    return value == null;
  }
}
