package dev.flagstream.client.internal;

import dev.flagstream.client.FlagChanged;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.InvalidChangeEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the flag topic on a thread of its own: every partition from the beginning, without a
 * consumer group (each client needs every record, and none has offsets to keep), up to the end
 * offsets of start-up, which makes the client ready; then every record the moment it arrives.
 * Checks every few seconds that the brokers still answer, so the client can say it is stale.
 */
final class KafkaFlagSource implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaFlagSource.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final FlagStore store;
  private final StatusTracker status;
  private final Consumer<FlagChanged> changes;
  private final LongSupplier nanoTime;
  private final Thread thread;
  private volatile boolean closed;

  KafkaFlagSource(
      ClientSettings settings,
      FlagStore store,
      StatusTracker status,
      Consumer<FlagChanged> changes,
      LongSupplier nanoTime) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flagstream-client");
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = settings.topic();
    this.store = store;
    this.status = status;
    this.changes = changes;
    this.nanoTime = nanoTime;
    this.thread = new Thread(this::run, "flagstream-client-kafka");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> startEnd = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      boolean caughtUp = false;
      long nextCheck = 0;
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          apply(record);
        }
        if (!caughtUp && reached(startEnd)) {
          caughtUp = true;
          status.upToDate();
          log.atInfo()
              .setMessage("Flag client holds every flag")
              .addKeyValue("flags", store.flags().size())
              .log();
        }
        if (nanoTime.getAsLong() - nextCheck > 0) {
          checkBrokers(partitions, caughtUp);
          nextCheck = nanoTime.getAsLong() + CHECK_EVERY.toNanos();
        }
      }
    } catch (WakeupException e) {
      // close() ends the loop
    } catch (RuntimeException e) {
      log.error(
          "The flag topic reader stopped; the client keeps its flags and the snapshot refresh", e);
      status.unreachable();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** The topic's partitions, waiting while Kafka or the topic is not there yet. */
  private List<TopicPartition> awaitPartitions() {
    while (!closed) {
      try {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos != null && !infos.isEmpty()) {
          return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }
      } catch (KafkaException e) {
        if (e instanceof WakeupException wakeup) {
          throw wakeup;
        }
        log.debug("The flag topic is not available yet", e);
      }
      status.update();
    }
    return List.of();
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (var end : ends.entrySet()) {
      if (consumer.position(end.getKey(), Duration.ofSeconds(5)) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void checkBrokers(List<TopicPartition> partitions, boolean caughtUp) {
    try {
      consumer.endOffsets(partitions, Duration.ofSeconds(2));
      if (caughtUp) {
        status.reachable();
      }
    } catch (KafkaException e) {
      if (e instanceof WakeupException wakeup) {
        throw wakeup;
      }
      status.unreachable();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    Optional<FlagChanged> change;
    if (record.value() == null) {
      Header version = record.headers().lastHeader(FlagTopic.TOMBSTONE_VERSION_HEADER);
      change =
          store.applyTombstone(
              record.key(),
              version == null
                  ? null
                  : Long.valueOf(new String(version.value(), StandardCharsets.US_ASCII)));
    } else {
      try {
        change = store.apply(FlagChangeJson.fromBytes(record.value()));
      } catch (InvalidChangeEventException e) {
        log.warn(
            "Skipping an unreadable record at offset {} of {}: {}",
            record.offset(),
            record.topic(),
            e.getMessage());
        return;
      }
    }
    change.ifPresent(changes);
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
