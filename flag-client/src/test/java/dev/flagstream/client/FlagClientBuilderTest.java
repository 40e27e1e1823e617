package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.fixtures.SnapshotServer;
import dev.flagstream.contracts.flag.Flag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the builder takes reaches the client: its time sources, its intervals. No broker. */
class FlagClientBuilderTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @Test
  void theTicker_drivesTheStartupWait() {
    AtomicLong now = new AtomicLong();
    try (SnapshotServer snapshots = new SnapshotServer()) {
      snapshots.failing(true);
      try (FlagClient client =
          FlagClient.builder()
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .startupTimeout(Duration.ofHours(1))
              .ticker(now::get)
              .build()) {
        await().atMost(WITHIN).until(() -> snapshots.requests() > 0);
        assertThat(client.status()).isEqualTo(ClientStatus.STARTING);
        now.addAndGet(Duration.ofHours(1).plusNanos(1).toNanos());
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.ERROR);
        assertThat(client.dataAge()).isEqualTo(Duration.ofHours(1).plusNanos(1));
      }
    }
  }

  @Test
  void theTicker_pacesTheSnapshotRefresh() throws Exception {
    AtomicLong now = new AtomicLong();
    try (SnapshotServer snapshots = new SnapshotServer()) {
      snapshots.serve(List.of(Flag.builder("a").enabled(true).build()));
      try (FlagClient client =
          FlagClient.builder()
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .refreshInterval(Duration.ofHours(1))
              .ticker(now::get)
              .build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        assertThat(snapshots.requests()).isEqualTo(1);
        snapshots.serve(List.of(Flag.builder("a").enabled(false).version(2).build()));
        // Past the longest wait the jitter allows, an hour and 20 %: due on the ticker alone.
        now.addAndGet(Duration.ofMinutes(73).toNanos());
        await().atMost(WITHIN).until(() -> client.flag("a").version() == 2);
        assertThat(snapshots.requests()).isEqualTo(2);
      }
    }
  }

  @Test
  void theClock_agesTheSnapshot() throws Exception {
    try (SnapshotServer snapshots = new SnapshotServer()) {
      snapshots.serve(List.of(Flag.builder("a").enabled(true).build()));
      Clock fiveMinutesAhead = Clock.fixed(Instant.now().plusSeconds(300), ZoneOffset.UTC);
      try (FlagClient client =
          FlagClient.builder()
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .clock(fiveMinutesAhead)
              .build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        assertThat(client.dataAge()).isGreaterThan(Duration.ofMinutes(4));
      }
    }
  }

  @Test
  void kafkaAlone_isASourceEnough() {
    // Nothing listens on port 1: the client is built and keeps trying, no broker needed.
    try (FlagClient client =
        FlagClient.builder().kafka("127.0.0.1:1").startupTimeout(Duration.ofHours(1)).build()) {
      assertThat(client.status()).isEqualTo(ClientStatus.STARTING);
    }
  }

  @Test
  void intervals_mustBePositive_andTheStartupWaitNotNegative() {
    FlagClientBuilder builder = FlagClient.builder();
    assertThatThrownBy(() -> builder.refreshInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.staleRefreshInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.startupTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.startupTimeout(Duration.ZERO)).isSameAs(builder);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }
}
