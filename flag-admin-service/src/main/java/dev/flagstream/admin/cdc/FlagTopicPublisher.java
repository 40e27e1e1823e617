package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records to the flag topic in the order they are sent, each acknowledged by Kafka on all
 * in-sync replicas in its own time, so that whoever sent it may then record the capture position as
 * done. Idempotent: a producer retry never writes a record twice, nor reorders records (at most
 * five requests in flight). Sent from one thread at a time.
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
  private final int maxRecordBytes;
  private final DeadLetter deadLetter;

  /**
   * @param timeout how long Kafka may take to acknowledge a record, retries included
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
    this.maxRecordBytes = Math.min(KafkaClients.maxRequestBytes(config), topicMaxMessageBytes);
    this.deadLetter = deadLetter;
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Sends {@code record} after those sent before it, without waiting for Kafka.
   *
   * @return completes when Kafka acknowledged the record on all in-sync replicas, at once for a
   *     record too large to publish (told to {@code deadLetter}), or exceptionally with a {@link
   *     PublishFailedException} when Kafka did not acknowledge it within the delivery timeout; a
   *     record that failed may still have been written, which the consumers' version rules absorb
   *     when it is sent again
   * @throws PublishFailedException when the producer refuses the record outright (closed, or its
   *     buffer still full after the timeout)
   */
  CompletableFuture<Void> send(TopicRecord record) {
    ProducerRecord<String, byte[]> message = message(record);
    if (sizeOf(message) > maxRecordBytes) {
      deadLetter.skipped(record, maxRecordBytes);
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          message,
          (metadata, failure) -> {
            if (failure == null) {
              acknowledged.complete(null);
            } else {
              acknowledged.completeExceptionally(new PublishFailedException(record, failure));
            }
          });
    } catch (RuntimeException e) {
      throw new PublishFailedException(record, e);
    }
    return acknowledged;
  }

  /**
   * Sends {@code records} in order and returns once Kafka acknowledged every one of them.
   *
   * @throws PublishFailedException when any was not acknowledged within the delivery timeout
   */
  void publish(List<TopicRecord> records) {
    List<CompletableFuture<Void>> acknowledgements = new ArrayList<>(records.size());
    for (TopicRecord record : records) {
      acknowledgements.add(send(record));
    }
    try {
      CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof PublishFailedException failed
          ? failed
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka acknowledged the records", e);
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

  /** Closes once what was sent is acknowledged, for at most 5 s. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /**
   * Closes at once, dropping what was sent and is not yet on its way: for a replica that lost the
   * capture lock, or whose run failed, and must not go on publishing what it had in hand.
   */
  void abandon() {
    producer.close(Duration.ZERO);
  }

  /** Kafka did not acknowledge a record. */
  static final class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishFailedException(TopicRecord record, Throwable cause) {
      super(
          "Kafka did not acknowledge the record of flag "
              + record.key()
              + " at version "
              + record.version(),
          cause);
    }
  }
}
