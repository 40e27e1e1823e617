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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * What the flag topic says of every flag, read from its beginning to its end: the state a consumer
 * that applied every record holds (by the ordering rule), and the last record, which is all a
 * consumer starting after compaction gets. Not thread-safe while it is being built.
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
   * Takes one record in, in topic order. Heartbeats only move the revision; records that cannot be
   * read, and tombstones without a version, say nothing a consumer could act on.
   */
  void add(@Nullable String key, byte @Nullable [] value, @Nullable Long tombstoneVersion) {
    if (key == null) {
      return;
    }
    if (key.equals(FlagTopic.HEARTBEAT_KEY)) {
      if (value != null) {
        try {
          CaptureHeartbeat beat = FlagChangeJson.heartbeatFromBytes(value);
          highestRevision = Math.max(highestRevision, beat.revision());
        } catch (InvalidChangeEventException e) {
          // a heartbeat of a newer format: nothing to reconcile in it
        }
      }
      return;
    }
    State state;
    if (value == null) {
      State before = last.get(key);
      if (tombstoneVersion != null) {
        state = new State(tombstoneVersion, true);
      } else if (before != null) {
        state = new State(before.version(), true);
      } else {
        return;
      }
    } else {
      FlagChangeEvent event;
      try {
        event = FlagChangeJson.fromBytes(value);
      } catch (InvalidChangeEventException e) {
        return;
      }
      highestRevision = Math.max(highestRevision, event.revision());
      state = new State(event.version(), event.op() == ChangeOp.DELETE);
    }
    highestVersion = Math.max(highestVersion, state.version());
    last.put(key, state);
    State current = held.get(key);
    if (current == null || ChangeOrder.supersedes(current.held(), state.version(), state.op())) {
      held.put(key, state);
    }
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
          contents.add(record.key(), record.value(), tombstoneVersion(record));
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

  private static @Nullable Long tombstoneVersion(ConsumerRecord<String, byte[]> record) {
    if (record.value() != null) {
      return null;
    }
    Header header = record.headers().lastHeader(FlagTopic.TOMBSTONE_VERSION_HEADER);
    if (header == null) {
      return null;
    }
    try {
      return Long.valueOf(new String(header.value(), StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
