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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records to the flag topic and returns only once Kafka acknowledged every one of them on
 * all in-sync replicas, so that whoever called may then record the capture position as done.
 * Idempotent: a producer retry never writes a record twice. Not thread-safe.
 */
final class FlagTopicPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Duration timeout;

  FlagTopicPublisher(KafkaProperties kafka, Duration timeout) {
    this.topic = kafka.topic();
    this.timeout = timeout;
    int deliveryMillis = (int) Math.max(timeout.toMillis(), 2_000);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                deliveryMillis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(deliveryMillis, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                deliveryMillis,
                ProducerConfig.CLIENT_ID_CONFIG,
                "flagstream-cdc"),
            new StringSerializer(),
            new ByteArraySerializer());
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
        RecordHeaders headers = new RecordHeaders();
        if (record.isTombstone()) {
          headers.add(
              FlagTopic.TOMBSTONE_VERSION_HEADER,
              Long.toString(record.version()).getBytes(StandardCharsets.US_ASCII));
        }
        sent.add(
            producer.send(
                new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
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
