package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamSettingsTest {
  private static final Duration ONE = Duration.ofMillis(1);

  private static StreamSettings settings(
      Duration heartbeat,
      int maxOpen,
      int maxOpenPerKey,
      Duration lifetime,
      int outbox,
      Duration sendTimeout,
      Duration retryAfter) {
    return new StreamSettings(
        heartbeat, maxOpen, maxOpenPerKey, lifetime, outbox, sendTimeout, retryAfter);
  }

  @Test
  void theSmallestLimits_areAccepted() {
    StreamSettings smallest = settings(ONE, 1, 1, ONE, 1, ONE, ONE);
    assertThat(smallest.maxOpen()).isOne();
  }

  @Test
  void everyDuration_mustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(Duration.ZERO, 1, 1, ONE, 1, ONE, ONE))
        .withMessageContaining("flags.stream.heartbeat-interval");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 1, 1, ONE.negated(), 1, ONE, ONE))
        .withMessageContaining("flags.stream.max-lifetime");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 1, 1, ONE, 1, Duration.ZERO, ONE))
        .withMessageContaining("flags.stream.send-timeout");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 1, 1, ONE, 1, ONE, Duration.ZERO))
        .withMessageContaining("flags.stream.retry-after");
  }

  @Test
  void everyCount_mustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 0, 1, ONE, 1, ONE, ONE))
        .withMessageContaining("max-open");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 1, 0, ONE, 1, ONE, ONE))
        .withMessageContaining("max-open-per-key");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(ONE, 1, 1, ONE, 0, ONE, ONE))
        .withMessageContaining("outbox-capacity");
  }
}
