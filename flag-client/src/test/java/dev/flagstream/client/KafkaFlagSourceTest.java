package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** The reader's survival, with consumers that cannot even be created: no broker needed. */
class KafkaFlagSourceTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private final FlagStore store = new FlagStore(System::nanoTime);
  private final StatusTracker status = new StatusTracker(System::nanoTime, Duration.ZERO, true);
  private final RecordDispatch dispatch = new RecordDispatch(store, c -> {}, h -> {});

  private KafkaFlagSource source(Supplier<Consumer<String, byte[]>> consumers) {
    return new KafkaFlagSource(
        "flags",
        consumers,
        dispatch,
        status,
        System::nanoTime,
        new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5));
  }

  /** H5: the reader ended at its first exception and never came back. */
  @Test
  void aReaderThatKeepsFailing_keepsTrying_andReportsErrorWhileItNeverGotReady() {
    KafkaFlagSource source =
        source(
            () -> {
              throw new KafkaException("no consumer, for the test");
            });
    source.start();
    await().atMost(WITHIN).until(() -> source.failures() >= 3);
    status.update();
    assertThat(status.status()).isEqualTo(ClientStatus.ERROR);
    source.close();
    assertThat(source.isRunning()).as("close ends the retries").isFalse();
    status.streamCaughtUp();
    assertThat(status.status()).as("closing is no failure").isEqualTo(ClientStatus.READY);
  }

  @Test
  void aReaderEndedByAnError_isErrorForGood() {
    status.streamCaughtUp();
    try (KafkaFlagSource source =
        source(
            () -> {
              throw new LinkageError("a broken class path, for the test");
            })) {
      source.start();
      await().atMost(WITHIN).until(() -> status.status() == ClientStatus.ERROR);
      status.streamCaughtUp();
      assertThat(status.status()).isEqualTo(ClientStatus.ERROR);
      assertThat(source.failures()).isZero();
    }
  }
}
