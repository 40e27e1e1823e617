package dev.flagstream.compatibility;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real broker the matrix shares: its address comes from the system property {@code
 * flagstream.kafka}; each test writes to topics of its own, so consumer projects never see each
 * other's records.
 */
final class Broker {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Broker() {}

  /** The broker's {@code bootstrap.servers}. */
  static String bootstrapServers() {
    String servers = System.getProperty("flagstream.kafka");
    if (servers == null || servers.isBlank()) {
      throw new IllegalStateException(
          "set the system property flagstream.kafka to a Kafka broker's bootstrap servers");
    }
    return servers;
  }

  /** Creates {@code count} new topics of one partition, each named after {@code prefix}. */
  static List<String> newTopics(String prefix, int count) throws Exception {
    List<String> names =
        java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> prefix + "-" + i + "-" + UUID.randomUUID())
            .toList();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .createTopics(names.stream().map(name -> new NewTopic(name, 1, (short) 1)).toList())
          .all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    return names;
  }

  /** A new topic of one partition, named after {@code prefix}. */
  static String newTopic(String prefix) throws Exception {
    return newTopics(prefix, 1).get(0);
  }

  /** A producer that writes what the change data capture would: string keys, byte values. */
  static Producer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** Publishes {@code event} under its flag's name and waits until the broker has it. */
  static void publish(Producer<String, byte[]> producer, String topic, FlagChangeEvent event)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer
        .send(new ProducerRecord<>(topic, event.name(), FlagChangeJson.toBytes(event)))
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
