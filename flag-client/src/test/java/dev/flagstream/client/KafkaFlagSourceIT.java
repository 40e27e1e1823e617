package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.fixtures.TopicWriter;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.local.infrastructure.LocalKafka;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The topic reader against a real broker that goes away at the worst moment. */
class KafkaFlagSourceIT {
  private static final LocalKafka KAFKA = LocalKafka.startTemporary();
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  /**
   * H5: a broker lost after the reader found the partitions, before it read their end offsets,
   * ended the reader for good; the client never became ready.
   */
  @Test
  void aBrokerLostBetweenPartitionsForAndEndOffsets_isReadyOnceItReturns() throws Exception {
    String topic = "flags-reader-" + System.nanoTime();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
      writer.upsert(Flag.builder("kept").enabled(true).rolloutPercentage(100).build());
    }
    Map<String, Object> config =
        KafkaFlagSource.consumerConfig(
            new ClientSettings(
                KAFKA.bootstrapServers(),
                topic,
                Map.of(),
                null,
                null,
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Clock.systemUTC(),
                System::nanoTime));
    AtomicBoolean firstLookup = new AtomicBoolean(true);
    FlagStore store = new FlagStore(System::nanoTime);
    StatusTracker status = new StatusTracker(System::nanoTime, Duration.ofSeconds(10), true);
    try (KafkaFlagSource source =
        new KafkaFlagSource(
            topic,
            () ->
                new KafkaConsumer<String, byte[]>(
                    config, new StringDeserializer(), new ByteArrayDeserializer()) {
                  @Override
                  public List<PartitionInfo> partitionsFor(String name, Duration timeout) {
                    List<PartitionInfo> partitions = super.partitionsFor(name, timeout);
                    if (firstLookup.getAndSet(false)) {
                      KAFKA.stop();
                    }
                    return partitions;
                  }
                },
            new RecordDispatch(store, change -> {}, heartbeat -> {}),
            status,
            System::nanoTime,
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.5))) {
      source.start();
      await().atMost(WITHIN).until(() -> source.failures() >= 1);
      assertThat(status.status()).isNotEqualTo(ClientStatus.READY);
      KAFKA.start();
      await().atMost(WITHIN).until(() -> status.status() == ClientStatus.READY);
      assertThat(store.get("kept")).isNotNull();
    } finally {
      KAFKA.start();
    }
  }
}
