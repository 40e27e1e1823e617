package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.fixtures.SnapshotServer;
import dev.flagstream.client.fixtures.TopicWriter;
import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.local.infrastructure.LocalKafka;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The client against a real Kafka broker, and a snapshot endpoint for its safety net. */
class FlagClientIT {
  private static final LocalKafka KAFKA = LocalKafka.startTemporary();
  private static final Duration WITHIN = Duration.ofSeconds(30);

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  private static String topic() {
    return "flags-client-" + UUID.randomUUID();
  }

  private static Flag flag(String name, long version, boolean enabled) {
    return Flag.builder(name).enabled(enabled).rolloutPercentage(100).version(version).build();
  }

  @Test
  void startsFromTheWholeTopic_thenAppliesEachChangeAsItArrives() throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
      writer.upsert(flag("checkout", 1, false));
      writer.upsert(flag("checkout", 2, true));
      writer.upsert(flag("search", 1, true));
      writer.delete("search", 1);
      try (FlagClient client =
          FlagClient.builder().kafka(KAFKA.bootstrapServers()).topic(topic).build()) {
        List<FlagChanged> changes = new CopyOnWriteArrayList<>();
        client.onChange(changes::add);
        assertThat(client.awaitReady(WITHIN)).isTrue();
        assertThat(client.status()).isEqualTo(ClientStatus.READY);
        assertThat(client.isEnabled("checkout", "user-1")).isTrue();
        assertThat(client.flag("search")).isNull();
        assertThat(client.revision()).isEqualTo(4);

        writer.upsert(flag("checkout", 3, false));
        // As the admin service's Flagstream-Revision header names the write: read your own write.
        assertThat(client.awaitRevision("checkout@3", WITHIN)).isTrue();
        assertThat(client.isEnabled("checkout", "user-1")).isFalse();
        // Listeners hear of a change on the reader's thread, just after the store has it.
        await()
            .atMost(WITHIN)
            .untilAsserted(
                () ->
                    assertThat(changes)
                        .last()
                        .satisfies(
                            c -> {
                              assertThat(c.name()).isEqualTo("checkout");
                              assertThat(c.previous().enabled()).isTrue();
                              assertThat(c.current().enabled()).isFalse();
                              assertThat(c.committedAt()).isNotNull();
                            }));
        FlagEvaluation evaluation = client.evaluate("checkout", "user-1");
        assertThat(evaluation.reason()).isEqualTo(Reason.DISABLED);
        assertThat(evaluation.version()).isEqualTo(3);
        assertThat(evaluation.defaulted()).isFalse();
        assertThat(client.dataAge()).isLessThan(Duration.ofSeconds(10));
      }
    }
  }

  @Test
  void duplicatesStaleEventsAndDeleteRecreate_endWithTheNewestState() throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic);
        FlagClient client =
            FlagClient.builder().kafka(KAFKA.bootstrapServers()).topic(topic).build()) {
      assertThat(client.awaitReady(WITHIN)).isTrue();
      writer.upsert(flag("a", 5, true));
      writer.event(FlagChangeEvent.upsert(flag("a", 5, false), 1, Instant.now()));
      writer.event(FlagChangeEvent.upsert(flag("a", 4, false), 1, Instant.now()));
      writer.delete("a", 5);
      writer.event(FlagChangeEvent.upsert(flag("a", 5, true), 1, Instant.now()));
      writer.upsert(Flag.builder("a").enabled(true).rolloutPercentage(0).version(9).build());
      writer.upsert(flag("marker", 1, true));
      await().atMost(WITHIN).until(() -> client.flag("marker") != null);
      assertThat(client.flag("a").version()).isEqualTo(9);
      assertThat(client.evaluate("a", "user-1").reason()).isEqualTo(Reason.OUT_OF_ROLLOUT);
    }
  }

  @Test
  void unknownFlags_giveTheCallersDefault_alsoWhileStarting() {
    try (FlagClient client =
        FlagClient.builder().kafka("localhost:1").startupTimeout(Duration.ofMillis(300)).build()) {
      assertThat(client.status()).isIn(ClientStatus.STARTING, ClientStatus.ERROR);
      assertThat(client.isEnabled("anything", "user-1", true)).isTrue();
      assertThat(client.isEnabled("anything", "user-1")).isFalse();
      assertThat(client.evaluate("anything", "u").defaulted()).isTrue();
      await().atMost(WITHIN).until(() -> client.status() == ClientStatus.ERROR);
    }
  }

  @Test
  void whileKafkaIsDown_lastValuesAreServedAsStale_andChangesArriveWhenItReturns()
      throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
      writer.upsert(flag("kill-switch", 1, true));
    }
    try (FlagClient client =
        FlagClient.builder().kafka(KAFKA.bootstrapServers()).topic(topic).build()) {
      List<ClientStatus> statuses = new CopyOnWriteArrayList<>();
      client.onStatus(statuses::add);
      String domain = "outage-" + UUID.randomUUID();
      List<ProviderEvent> providerEvents = new CopyOnWriteArrayList<>();
      OpenFeatureAPI.getInstance().setProviderAndWait(domain, new FlagstreamProvider(client));
      for (ProviderEvent event :
          List.of(ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_READY)) {
        OpenFeatureAPI.getInstance()
            .getClient(domain)
            .on(event, details -> providerEvents.add(event));
      }
      assertThat(client.awaitReady(WITHIN)).isTrue();
      KAFKA.stop();
      try {
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.STALE);
        assertThat(client.isEnabled("kill-switch", "user-1")).as("stale beats wrong").isTrue();
        assertThat(client.dataAge()).isGreaterThan(Duration.ZERO);
      } finally {
        KAFKA.start();
      }
      try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
        writer.upsert(flag("kill-switch", 2, false));
      }
      await().atMost(WITHIN).until(() -> !client.isEnabled("kill-switch", "user-1"));
      await().atMost(WITHIN).until(() -> client.status() == ClientStatus.READY);
      assertThat(statuses).contains(ClientStatus.STALE, ClientStatus.READY);
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(providerEvents)
                      .as("OpenFeature users hear of it")
                      .containsSubsequence(
                          ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_READY));
      OpenFeatureAPI.getInstance().getProvider(domain).shutdown();
    }
  }

  @Test
  void theSnapshotRefresh_repairsWhatTheStreamMissed_andAFailedRefreshKeepsValues()
      throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic);
        SnapshotServer snapshots = new SnapshotServer()) {
      writer.upsert(flag("kept", 1, true));
      writer.upsert(flag("deleted-unseen", 1, true));
      try (FlagClient client =
          FlagClient.builder()
              .kafka(KAFKA.bootstrapServers())
              .topic(topic)
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .refreshInterval(Duration.ofMillis(500))
              .build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        // The stream never brings these: a change made while it was broken, a delete whose
        // tombstone was compacted away.
        snapshots.serve(List.of(flag("kept", 2, false), flag("created-unseen", 1, true)));
        await()
            .atMost(WITHIN)
            .untilAsserted(
                () -> {
                  assertThat(client.isEnabled("kept", "u")).isFalse();
                  assertThat(client.isEnabled("created-unseen", "u")).isTrue();
                  assertThat(client.flag("deleted-unseen")).isNull();
                });
        snapshots.failing(true);
        int before = snapshots.requests();
        await().atMost(WITHIN).until(() -> snapshots.requests() > before + 1);
        assertThat(client.isEnabled("created-unseen", "u"))
            .as("a failed refresh keeps the values")
            .isTrue();
      }
    }
  }

  @Test
  void withoutKafka_theSnapshotIsTheSource() throws Exception {
    try (SnapshotServer snapshots = new SnapshotServer()) {
      snapshots.serve(List.of(flag("only", 1, true)));
      try (FlagClient client =
          FlagClient.builder()
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .refreshInterval(Duration.ofMillis(300))
              .build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        assertThat(client.isEnabled("only", "u")).isTrue();
        snapshots.failing(true);
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.STALE);
        assertThat(client.isEnabled("only", "u")).isTrue();
        snapshots.failing(false);
        snapshots.serve(List.of(flag("only", 2, false)));
        await().atMost(WITHIN).until(() -> !client.isEnabled("only", "u"));
        assertThat(client.status()).isEqualTo(ClientStatus.READY);
      }
    }
  }

  /** H5: a tombstone with a version that is no number stopped every reader, on every restart. */
  @Test
  void aTombstoneWithAMalformedVersion_isSkipped_andLaterRecordsApply() throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
      writer.upsert(flag("a", 1, true));
      writer.record("a", null, Map.of(FlagTopic.TOMBSTONE_VERSION_HEADER, "abc"));
      writer.upsert(flag("b", 1, true));
      try (FlagClient client =
          FlagClient.builder().kafka(KAFKA.bootstrapServers()).topic(topic).build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        assertThat(client.flags()).extracting(Flag::name).containsExactly("a", "b");
        writer.record("c", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        writer.upsert(flag("c", 1, true));
        await().atMost(WITHIN).until(() -> client.flag("c") != null);
        assertThat(client.skippedRecords()).isEqualTo(2);
        assertThat(client.status()).isEqualTo(ClientStatus.READY);
      }
    }
  }

  /** M9: a stalled capture looked READY as long as the brokers answered. */
  @Test
  void heartbeatsKeepTheClientReady_theirSilenceMakesItStale_whileTheBrokerAnswers()
      throws Exception {
    String topic = topic();
    Duration interval = Duration.ofMillis(500);
    ScheduledExecutorService capture = Executors.newSingleThreadScheduledExecutor();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic)) {
      writer.upsert(flag("a", 1, true));
      Runnable beat = () -> writer.heartbeat(interval);
      ScheduledFuture<?> beating =
          capture.scheduleAtFixedRate(beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
      try (FlagClient client =
          FlagClient.builder().kafka(KAFKA.bootstrapServers()).topic(topic).build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        List<FlagChanged> changes = new CopyOnWriteArrayList<>();
        client.onChange(changes::add);
        long beatRevision = writer.heartbeat(interval);
        await().atMost(WITHIN).until(() -> client.revision() >= beatRevision);

        beating.cancel(false);
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.STALE);
        assertThat(KAFKA.isRunning()).isTrue();
        assertThat(client.dataAge()).isGreaterThan(interval.multipliedBy(3));
        assertThat(client.isEnabled("a", "u")).as("stale beats wrong").isTrue();

        capture.scheduleAtFixedRate(beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.READY);
        assertThat(client.dataAge()).isLessThan(Duration.ofSeconds(10));
        assertThat(changes).as("heartbeats change no flag").isEmpty();
      }
    } finally {
      capture.shutdownNow();
    }
  }

  /** Issue 8: a kill switch flipped during a Kafka outage took up to a refresh interval, 60 s. */
  @Test
  void aKillSwitchFlippedWhileTheBrokerIsFrozen_arrivesFromTheSnapshotWithinSeconds()
      throws Exception {
    String topic = topic();
    try (TopicWriter writer = new TopicWriter(KAFKA.bootstrapServers(), topic);
        SnapshotServer snapshots = new SnapshotServer()) {
      writer.upsert(flag("kill-switch", 1, true));
      snapshots.serve(List.of(flag("kill-switch", 1, true)));
      try (FlagClient client =
          FlagClient.builder()
              .kafka(KAFKA.bootstrapServers())
              .topic(topic)
              .evaluator(snapshots.baseUrl(), SnapshotServer.KEY)
              .build()) {
        assertThat(client.awaitReady(WITHIN)).isTrue();
        KAFKA.freeze();
        try {
          // Committed in the database while the broker hangs: only the snapshot has it.
          snapshots.serve(List.of(flag("kill-switch", 2, false)));
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> !client.isEnabled("kill-switch", "user-1"));
          assertThat(client.status()).isEqualTo(ClientStatus.STALE);
          assertThat(client.dataAge()).as("as fresh as the snapshot").isLessThan(WITHIN);
        } finally {
          KAFKA.thaw();
        }
        await().atMost(WITHIN).until(() -> client.status() == ClientStatus.READY);
        assertThat(client.isEnabled("kill-switch", "user-1")).isFalse();
      }
    }
  }
}
