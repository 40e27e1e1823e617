package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.ChangeOrder;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.HeldState;
import dev.flagstream.contracts.change.InvalidChangeEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * What the flag topic says of every flag, read from its beginning to its end: the state a consumer
 * that applied every record holds (by the contract's change-stream rules, which the conformance
 * suite states), and the last record, which is all a consumer starting after compaction gets. Not
 * thread-safe while it is being built.
 */
final class TopicContents {
  /** A flag's state on the topic: its version and whether it is deleted there. */
  record State(long version, boolean deleted) {
    HeldState held() {
      return deleted ? HeldState.deleted(version) : HeldState.flag(version);
    }

    ChangeOp op() {
      return deleted ? ChangeOp.DELETE : ChangeOp.UPSERT;
    }
  }

  // What a consumer takes for a version (the contract's change-stream rules); anything else it
  // skips.
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

  private final Map<String, State> held = new HashMap<>();
  private final Map<String, State> last = new HashMap<>();
  private long highestVersion = 0;
  private long highestRevision = 0;

  /** What a consumer that applied every record holds for each flag name. */
  Map<String, State> held() {
    return held;
  }

  /** The state of each flag name's last record. */
  Map<String, State> last() {
    return last;
  }

  /** The highest version any record carries, 0 when none does. */
  long highestVersion() {
    return highestVersion;
  }

  /** The highest revision any change or heartbeat carries. */
  long highestRevision() {
    return highestRevision;
  }

  /**
   * Takes one record in, in topic order, as a consumer of the topic would: heartbeats only move the
   * revision; a tombstone deletes at the version its header names or, without one, what is held;
   * what a consumer skips (a value that is no change event, an event filed under another flag's
   * name, a version header that is no decimal number, a tombstone of a flag never held) changes
   * nothing here either, and its revision does not count.
   *
   * @param tombstoneVersion the record's {@value FlagTopic#TOMBSTONE_VERSION_HEADER} header, null
   *     when it has none
   */
  void add(@Nullable String key, byte @Nullable [] value, @Nullable String tombstoneVersion) {
    if (key == null) {
      return;
    }
    if (key.equals(FlagTopic.HEARTBEAT_KEY)) {
      heartbeat(value);
      return;
    }
    State state = value == null ? tombstone(key, tombstoneVersion) : change(key, value);
    if (state == null) {
      return;
    }
    highestVersion = Math.max(highestVersion, state.version());
    last.put(key, state);
    State current = held.get(key);
    if (current == null || ChangeOrder.supersedes(current.held(), state.version(), state.op())) {
      held.put(key, state);
    }
  }

  /** Takes one record of the topic in, in topic order; see {@link #add(String, byte[], String)}. */
  void add(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(FlagTopic.TOMBSTONE_VERSION_HEADER);
    byte @Nullable [] version = header == null ? null : header.value();
    add(
        record.key(),
        record.value(),
        version == null ? null : new String(version, StandardCharsets.US_ASCII));
  }

  private void heartbeat(byte @Nullable [] value) {
    if (value == null) {
      return;
    }
    try {
      CaptureHeartbeat beat = FlagChangeJson.heartbeatFromBytes(value);
      highestRevision = Math.max(highestRevision, beat.revision());
    } catch (InvalidChangeEventException e) {
      // a heartbeat of a newer format: nothing to reconcile in it
    }
  }

  private @Nullable State tombstone(String key, @Nullable String version) {
    if (version == null) {
      State current = held.get(key);
      return current == null ? null : new State(current.version(), true);
    }
    return DECIMAL.matcher(version).matches() ? new State(Long.parseLong(version), true) : null;
  }

  private @Nullable State change(String key, byte[] value) {
    FlagChangeEvent event;
    try {
      event = FlagChangeJson.fromBytes(value);
    } catch (InvalidChangeEventException e) {
      return null;
    }
    if (!event.name().equals(key)) {
      return null;
    }
    highestRevision = Math.max(highestRevision, event.revision());
    return new State(event.version(), event.op() == ChangeOp.DELETE);
  }

  /**
   * Reads the whole topic, up to the end it had when reading began.
   *
   * @param quiet how long a read may bring nothing before the topic counts as unreachable
   * @throws IllegalStateException when the topic cannot be read to its end
   */
  static TopicContents read(Map<String, Object> readerConfig, String topic, Duration quiet) {
    TopicContents contents = new TopicContents();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(readerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, quiet).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, quiet);
      long giveUp = System.nanoTime() + quiet.toNanos();
      while (!reached(consumer, end)) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          giveUp = System.nanoTime() + quiet.toNanos();
        } else if (System.nanoTime() - giveUp > 0) {
          throw new IllegalStateException(
              "read nothing of topic " + topic + " for " + quiet + " before reaching its end");
        }
        for (ConsumerRecord<String, byte[]> record : records) {
          contents.add(record);
        }
      }
    }
    return contents;
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (var partition : end.entrySet()) {
      if (consumer.position(partition.getKey(), Duration.ofSeconds(10)) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }
}
