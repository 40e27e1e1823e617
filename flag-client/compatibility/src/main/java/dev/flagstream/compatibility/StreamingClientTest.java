package dev.flagstream.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/** The client against a real broker: it reads the topic, then every change as it is published. */
class StreamingClientTest {
  private static final String USER = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

  @Test
  void client_readsTheTopic_thenAppliesAChangeTheMomentItIsPublished() throws Exception {
    String topic = Broker.newTopic("streaming");
    try (Producer<String, byte[]> producer = Broker.producer()) {
      Broker.publish(producer, topic, FlagChangeEvent.upsert(checkout(true, 1), 1, Instant.now()));
      try (FlagClient client =
          FlagClient.builder().kafka(Broker.bootstrapServers()).topic(topic).build()) {
        assertThat(client.awaitReady(Broker.TIMEOUT)).as("ready").isTrue();
        assertThat(client.isEnabled("new-checkout", USER)).isTrue();
        BlockingQueue<FlagChanged> changes = new LinkedBlockingQueue<>();
        client.onChange(changes::add);

        Broker.publish(
            producer, topic, FlagChangeEvent.upsert(checkout(false, 2), 2, Instant.now()));

        assertThat(changes.poll(Broker.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .as("the change, heard")
            .extracting(FlagChanged::name)
            .isEqualTo("new-checkout");
        assertThat(client.isEnabled("new-checkout", USER)).isFalse();
        assertThat(client.revision()).isEqualTo(2);
        assertThat(client.status()).isEqualTo(ClientStatus.READY);
        assertThat(client.skippedRecords()).isZero();
      }
    }
  }

  private static Flag checkout(boolean enabled, long version) {
    return Flag.builder("new-checkout").enabled(enabled).version(version).build();
  }
}
