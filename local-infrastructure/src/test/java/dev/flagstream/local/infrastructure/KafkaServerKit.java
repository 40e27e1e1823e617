package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link KafkaServer} must do for Flagstream's tests, whichever infrastructure runs it:
 * each implementation's test extends this kit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KafkaServerKit {
  private KafkaServer server;

  abstract KafkaServer start();

  @BeforeAll
  void startServer() {
    server = start();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Test
  void aTopicCreatedWithAllAcks_holdsWhatIsProduced_readBackFromTheStart() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("kit", 1, (short) 1))).all().get();
    }
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            server.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> records = new KafkaProducer<>(producer)) {
      records.send(new ProducerRecord<>("kit", "new-checkout", "on")).get();
    }
    Map<String, Object> consumer =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, server.bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<String> read = new ArrayList<>();
    try (KafkaConsumer<String, String> records = new KafkaConsumer<>(consumer)) {
      TopicPartition partition = new TopicPartition("kit", 0);
      records.assign(List.of(partition));
      records.seekToBeginning(List.of(partition));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record : records.poll(Duration.ofMillis(200))) {
                  read.add(record.key() + "=" + record.value());
                }
                assertThat(read).containsExactly("new-checkout=on");
              });
    }
  }
}
