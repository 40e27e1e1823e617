package dev.flagstream.admin.cdc;

import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.local.infrastructure.Latencies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A latency harness, not a speed assertion: commits 250 flag changes one by one and reports how
 * long each took from its commit to a Kafka consumer, with the settings that produced it. The test
 * asserts only that every change arrived; the figures go to the build log and docs/BENCHMARKS.md.
 * Not part of {@code verify}: {@code ./mvnw -Platency -pl flag-admin-service -am verify} runs it.
 */
// Its engine would otherwise keep capturing, in the cached context, through later tests.
@DirtiesContext
class PublishLatencyIT extends AdminServiceIntegration {
  private static final String TOPIC = "flags-latency-" + UUID.randomUUID();
  private static final int CHANGES = 250;

  @DynamicPropertySource
  static void capture(DynamicPropertyRegistry properties) {
    TestDatabase.register(properties, "cdc_latency");
    properties.add("flags.cdc.enabled", () -> "true");
    properties.add("flags.cdc.slot-name", () -> "latency_it");
    properties.add("flags.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
    properties.add("flags.kafka.topic", () -> TOPIC);
    properties.add("flags.kafka.replication-factor", () -> "1");
  }

  @Test
  void commitToConsumerLatency_ofEveryChange() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/health/ready").status() == 200);
    jdbc.sql("INSERT INTO feature_flags (name) VALUES ('latency')").update();
    Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
    AtomicBoolean reading = new AtomicBoolean(true);
    Thread consumer = new Thread(() -> consume(receivedAt, reading), "latency-consumer");
    consumer.start();
    Latencies latencies = new Latencies();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> !receivedAt.isEmpty());
      for (int i = 0; i < CHANGES; i++) {
        long version =
            jdbc.sql(
                    "UPDATE feature_flags SET rollout_percentage = ? WHERE name = 'latency' RETURNING version")
                .param(i % 101)
                .query(Long.class)
                .single();
        long committedAt = System.nanoTime();
        // One change in flight at a time, each timed alone, as changes made by people are; a change
        // that never arrives fails the run.
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(1))
            .until(() -> receivedAt.containsKey(version));
        latencies.add(Duration.ofNanos(receivedAt.get(version) - committedAt));
      }
    } finally {
      reading.set(false);
      consumer.join();
    }
    System.out.printf(
        "%nCommit-to-consumer latency (poll.interval 10 ms, acks=all, linger 0): %s%n%n",
        latencies.summary());
  }

  private static void consume(Map<Long, Long> receivedAt, AtomicBoolean reading) {
    try (KafkaConsumer<String, byte[]> kafka =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.broker().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                10),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      kafka.assign(List.of(new TopicPartition(TOPIC, 0)));
      while (reading.get()) {
        kafka
            .poll(Duration.ofMillis(50))
            .forEach(
                record -> {
                  long now = System.nanoTime();
                  if (record.value() != null && !FlagTopic.HEARTBEAT_KEY.equals(record.key())) {
                    long version = FlagChangeJson.fromBytes(record.value()).version();
                    receivedAt.putIfAbsent(version, now);
                  }
                });
      }
    }
  }
}
