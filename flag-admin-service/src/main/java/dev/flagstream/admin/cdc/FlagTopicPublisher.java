package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records to the flag topic and returns only once Kafka acknowledged every one of them on
 * all in-sync replicas, so that whoever called may then record the capture position as done.
 * Idempotent: a producer retry never writes a record twice. Not thread-safe.
 *
 * <p>A record larger than the producer or the topic accepts could never be published: sending it
 * would fail the batch on every retry and halt capture for good. It goes to {@code deadLetter}
 * instead and is not sent; everything after it still is.
 */
final class FlagTopicPublisher implements AutoCloseable {
  /** Told of each record too large to publish, which is skipped. */
  interface DeadLetter {
    void skipped(TopicRecord record, int limitBytes);
  }

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Duration timeout;
  private final int maxRecordBytes;
  private final DeadLetter deadLetter;

  /**
   * @param topicMaxMessageBytes the topic's {@code max.message.bytes}
   * @param deadLetter told of every record too large to publish
   */
  FlagTopicPublisher(
      FlagTopicProperties kafka,
      Duration timeout,
      int topicMaxMessageBytes,
      DeadLetter deadLetter) {
    Map<String, Object> config = KafkaClients.producer(kafka, timeout);
    this.topic = kafka.topic();
    this.timeout = timeout;
    this.maxRecordBytes = Math.min(KafkaClients.maxRequestBytes(config), topicMaxMessageBytes);
    this.deadLetter = deadLetter;
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Sends {@code records} in order and waits for every acknowledgement.
   *
   * @throws PublishFailedException when any record was not acknowledged in time; some of them may
   *     have been written, which the consumers' version rules absorb when they are sent again
   */
  void publish(List<TopicRecord> records) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
    try {
      for (TopicRecord record : records) {
        ProducerRecord<String, byte[]> message = message(record);
        if (sizeOf(message) > maxRecordBytes) {
          deadLetter.skipped(record, maxRecordBytes);
          continue;
        }
        sent.add(producer.send(message));
      }
      producer.flush();
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Future<RecordMetadata> future : sent) {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new PublishFailedException(records.size(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(records.size(), e);
    }
  }

  /** The largest record this publisher sends. */
  int maxRecordBytes() {
    return maxRecordBytes;
  }

  private ProducerRecord<String, byte[]> message(TopicRecord record) {
    RecordHeaders headers = new RecordHeaders();
    if (record.isTombstone()) {
      headers.add(
          FlagTopic.TOMBSTONE_VERSION_HEADER,
          Long.toString(record.version()).getBytes(StandardCharsets.US_ASCII));
    }
    return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
  }

  /** An upper bound of the record's size in a batch of its own, as the producer reckons it. */
  private static int sizeOf(ProducerRecord<String, byte[]> message) {
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE,
        CompressionType.NONE,
        message.key().getBytes(StandardCharsets.UTF_8),
        message.value(),
        message.headers().toArray());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Kafka did not acknowledge a batch. */
  static final class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishFailedException(int records, Throwable cause) {
      super("Kafka did not acknowledge a batch of " + records + " flag change records", cause);
    }
  }
}
