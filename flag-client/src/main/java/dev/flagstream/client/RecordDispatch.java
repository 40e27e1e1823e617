package dev.flagstream.client;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.InvalidChangeEventException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one record of the flag topic, a key, a value and headers, into calls on the {@link
 * FlagStore}: a change event, a tombstone or a capture heartbeat. The topic reader calls it for
 * every record it reads, and the conformance suite feeds its records through it. A record it cannot
 * read is skipped with a warning and counted; it never stops the records after it. Not thread-safe:
 * one reader calls it.
 */
final class RecordDispatch {
  private static final Logger log = LoggerFactory.getLogger(RecordDispatch.class);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

  /** What a record turned out to be. */
  enum Outcome {
    /** A change of a flag, applied or superseded by what is held. */
    CHANGE,
    /** A capture heartbeat. */
    HEARTBEAT,
    /** Unreadable, and skipped. */
    SKIPPED
  }

  private final FlagStore store;
  private final Consumer<FlagChanged> changes;
  private final Consumer<CaptureHeartbeat> heartbeats;
  private final AtomicLong skipped = new AtomicLong();

  /**
   * @param changes told of every change of a held flag
   * @param heartbeats told of every heartbeat, after the store has applied it
   */
  RecordDispatch(
      FlagStore store, Consumer<FlagChanged> changes, Consumer<CaptureHeartbeat> heartbeats) {
    this.store = store;
    this.changes = changes;
    this.heartbeats = heartbeats;
  }

  /** Applies a record of the flag topic, as the topic reader received it. */
  Outcome dispatch(ConsumerRecord<String, byte[]> record) {
    @Nullable String key = record.key();
    byte @Nullable [] value = record.value();
    Supplier<String> where =
        () -> record.topic() + "-" + record.partition() + "@" + record.offset();
    if (key == null) {
      return skip(where, "it has no key");
    }
    if (FlagTopic.HEARTBEAT_KEY.equals(key)) {
      return heartbeat(value, where);
    }
    if (value == null) {
      Header version = record.headers().lastHeader(FlagTopic.TOMBSTONE_VERSION_HEADER);
      return tombstone(key, version == null ? null : version.value(), where);
    }
    FlagChangeEvent event;
    try {
      event = FlagChangeJson.fromBytes(value);
    } catch (InvalidChangeEventException e) {
      return skip(where, e.getMessage());
    }
    if (!event.name().equals(key)) {
      return skip(
          where, "its key '" + key + "' is not the name of its flag, '" + event.name() + "'");
    }
    store.apply(event).ifPresent(changes);
    return Outcome.CHANGE;
  }

  /** How many records were skipped as unreadable. */
  long skipped() {
    return skipped.get();
  }

  private Outcome heartbeat(byte @Nullable [] value, Supplier<String> where) {
    if (value == null) {
      return skip(where, "a heartbeat without a value");
    }
    CaptureHeartbeat heartbeat;
    try {
      heartbeat = FlagChangeJson.heartbeatFromBytes(value);
    } catch (InvalidChangeEventException e) {
      return skip(where, e.getMessage());
    }
    store.applyHeartbeat(heartbeat.revision());
    heartbeats.accept(heartbeat);
    return Outcome.HEARTBEAT;
  }

  private Outcome tombstone(String key, byte @Nullable [] version, Supplier<String> where) {
    if (version == null) {
      store.applyTombstone(key, null).ifPresent(changes);
      return Outcome.CHANGE;
    }
    String text = new String(version, StandardCharsets.US_ASCII);
    if (!DECIMAL.matcher(text).matches()) {
      String shown = text.length() > 32 ? text.substring(0, 32) + "..." : text;
      return skip(
          where,
          "its " + FlagTopic.TOMBSTONE_VERSION_HEADER + " header is not a version: " + shown);
    }
    store.applyTombstone(key, Long.valueOf(text)).ifPresent(changes);
    return Outcome.CHANGE;
  }

  private Outcome skip(Supplier<String> where, @Nullable String why) {
    skipped.incrementAndGet();
    log.atWarn()
        .setMessage("Skipping a record of the flag topic that cannot be read")
        .addKeyValue("record", where.get())
        .addKeyValue("reason", why)
        .log();
    return Outcome.SKIPPED;
  }
}
