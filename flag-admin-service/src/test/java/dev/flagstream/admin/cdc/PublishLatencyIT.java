package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.FlagTopic;
import java.time.Duration;
import java.util.ArrayList;
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
    Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> !receivedAt.isEmpty());
      for (int i = 0; i < CHANGES; i++) {
        long version =
            jdbc.sql(
                    "UPDATE feature_flags SET rollout_percentage = ? WHERE name = 'latency' RETURNING version")
                .param(i % 101)
                .query(Long.class)
                .single();
        committedAt.put(version, System.nanoTime());
        long pace = System.nanoTime() + Duration.ofMillis(20).toNanos();
        await().pollInterval(Duration.ofMillis(1)).until(() -> System.nanoTime() >= pace);
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> receivedAt.keySet().containsAll(committedAt.keySet()));
    } finally {
      reading.set(false);
      consumer.join();
    }
    List<Long> micros = new ArrayList<>();
    committedAt.forEach((version, at) -> micros.add((receivedAt.get(version) - at) / 1_000));
    micros.sort(null);
    assertThat(micros).hasSize(CHANGES);
    System.out.printf(
        "%nCommit-to-consumer latency over %d changes (poll.interval 10 ms, acks=all, linger 0):"
            + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
        CHANGES,
        at(micros, 0.50),
        at(micros, 0.90),
        at(micros, 0.99),
        micros.get(micros.size() - 1) / 1000.0);
  }

  private static double at(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
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
                    long version =
                        dev.flagstream.contracts.change.FlagChangeJson.fromBytes(record.value())
                            .version();
                    receivedAt.putIfAbsent(version, now);
                  }
                });
      }
    }
  }
}
