package dev.flagstream.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the flag topic on a thread of its own: every partition from the beginning, without a
 * consumer group (each client needs every record, and none has offsets to keep), up to the end
 * offsets of start-up, which makes the client ready; then every record the moment it arrives.
 * Checks every few seconds that the brokers still answer, so the client can say it is stale.
 *
 * <p>Survives any exception: it closes its consumer, waits a growing delay with jitter, and starts
 * again with a new one, from the position after the last record it read (so nothing is missed and
 * little is read twice; what is, versions absorb). Only an {@link Error} ends it, and the client
 * then reports {@code ERROR} for good.
 */
final class KafkaFlagSource implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaFlagSource.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(100);

  private final String topic;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final RecordDispatch dispatch;
  private final StatusTracker status;
  private final LongSupplier nanoTime;
  private final Backoff backoff;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong failures = new AtomicLong();
  // The offset after the last record read, by partition: where a new consumer starts.
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private volatile @Nullable Consumer<String, byte[]> current;
  private volatile boolean closed;

  KafkaFlagSource(
      String topic,
      Supplier<Consumer<String, byte[]>> consumers,
      RecordDispatch dispatch,
      StatusTracker status,
      LongSupplier nanoTime,
      Backoff backoff) {
    this.topic = topic;
    this.consumers = consumers;
    this.dispatch = dispatch;
    this.status = status;
    this.nanoTime = nanoTime;
    this.backoff = backoff;
    this.thread = new Thread(this::run, "flagstream-client-kafka");
    thread.setDaemon(true);
  }

  /** Kafka consumers configured from the builder's settings. */
  static Supplier<Consumer<String, byte[]>> consumers(ClientSettings settings) {
    Map<String, Object> config = consumerConfig(settings);
    return () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The passed-through properties, then what the reader needs regardless. */
  static Map<String, Object> consumerConfig(ClientSettings settings) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flagstream-client");
    return Map.copyOf(config);
  }

  void start() {
    thread.start();
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** How often the reader failed and started again. */
  long failures() {
    return failures.get();
  }

  private void run() {
    try {
      // An interrupt from outside ends the reader as an Error would: for good, and reported.
      while (!closed && !Thread.currentThread().isInterrupted()) {
        try {
          read();
        } catch (RuntimeException e) {
          if (closed) {
            return;
          }
          failed(e);
        }
      }
    } catch (Error e) {
      // Logged and reported, not rethrown: the thread ends either way, and nothing above it would
      // handle it better.
      log.error("The flag topic reader stopped for good; the client reports ERROR", e);
    } finally {
      if (!closed) {
        status.readerStopped();
      }
    }
  }

  private void failed(RuntimeException e) {
    failures.incrementAndGet();
    status.streamInterrupted();
    Duration delay = backoff.next();
    log.atWarn()
        .setMessage("The flag topic reader failed; it starts again after a delay")
        .addKeyValue("topic", topic)
        .addKeyValue("delayMillis", delay.toMillis())
        .addKeyValue("error", e.toString())
        .log();
    log.debug("The reader's failure", e);
    try {
      closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One consumer's life: from its start until close() or an exception. */
  private void read() {
    Consumer<String, byte[]> consumer = consumers.get();
    current = consumer;
    try {
      if (closed) {
        return;
      }
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      for (TopicPartition partition : partitions) {
        Long position = next.get(partition);
        if (position == null) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seek(partition, position);
        }
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, REQUEST_TIMEOUT);
      boolean caughtUp = false;
      long nextCheck = nanoTime.getAsLong() + CHECK_EVERY.toNanos();
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          apply(record);
        }
        if (!caughtUp && reached(consumer, ends)) {
          caughtUp = true;
          backoff.reset();
          status.streamCaughtUp();
          log.atInfo().setMessage("Flag client read the whole flag topic").log();
        }
        if (nanoTime.getAsLong() - nextCheck >= 0) {
          checkBrokers(consumer, partitions);
          nextCheck = nanoTime.getAsLong() + CHECK_EVERY.toNanos();
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        throw e;
      }
    } finally {
      current = null;
      closeQuietly(consumer);
    }
  }

  private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, REQUEST_TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      throw new KafkaException("the topic " + topic + " does not exist yet");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    RecordDispatch.Outcome outcome = dispatch.dispatch(record);
    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    if (outcome != RecordDispatch.Outcome.SKIPPED) {
      status.streamDelivered();
    }
  }

  private static boolean reached(
      Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (var end : ends.entrySet()) {
      if (consumer.position(end.getKey(), REQUEST_TIMEOUT) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void checkBrokers(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    try {
      consumer.endOffsets(partitions, CHECK_TIMEOUT);
      status.brokersAnswered();
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      status.brokersUnreachable();
    }
  }

  // close(Duration) is in every kafka-clients the client supports (3.7 on); its replacement,
  // close(CloseOptions), only in 4.1 and later.
  @SuppressWarnings("deprecation")
  private static void closeQuietly(Consumer<String, byte[]> consumer) {
    try {
      consumer.close(Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      log.debug("Closing a flag topic consumer failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    closing.countDown();
    Consumer<String, byte[]> consumer = current;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
