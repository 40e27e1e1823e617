package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.local.infrastructure.LocalKafka;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nothing is lost when the engine restarts mid-burst or Kafka goes away for a while, and while
 * Kafka is away the API stays ready and the capture says what is wrong (findings H6, H7).
 */
// Its engine would otherwise keep capturing, in the cached context, through later tests.
@DirtiesContext
class CaptureResilienceIT extends AdminServiceIntegration {
  private static final LocalKafka KAFKA = LocalKafka.startTemporary();
  private static final String TOPIC = "flags-resilience-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @Autowired ChangeCapture capture;

  @DynamicPropertySource
  static void capture(DynamicPropertyRegistry properties) {
    TestDatabase.register(properties, "cdc_resilience");
    properties.add("flags.cdc.enabled", () -> "true");
    properties.add("flags.cdc.slot-name", () -> "resilience_it");
    properties.add("flags.cdc.publish-timeout", () -> "5s");
    properties.add("flags.cdc.max-restart-backoff", () -> "2s");
    properties.add("flags.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    properties.add("flags.kafka.topic", () -> TOPIC);
    properties.add("flags.kafka.replication-factor", () -> "1");
    properties.add("flags.cdc.slot-check-interval", () -> "500ms");
    properties.add("flags.cdc.handover-pause", () -> "2s");
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  /** Flag name to (version, rollout) as the database holds it, for the flags named so. */
  private Map<String, List<Long>> database(String prefix) {
    return jdbc
        .sql("SELECT name, version, rollout_percentage FROM feature_flags WHERE name LIKE ?")
        .param(prefix + "%")
        .query(
            (row, n) -> Map.entry(row.getString(1), List.of(row.getLong(2), (long) row.getInt(3))))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map<String, List<Long>> held(FlagTopicReader topic, String prefix) {
    return topic.replay().flags().values().stream()
        .filter(flag -> flag.name().startsWith(prefix))
        .collect(
            Collectors.toMap(Flag::name, f -> List.of(f.version(), (long) f.rolloutPercentage())));
  }

  @Test
  void aBurstOfAThousandUpdates_survivesAnEngineRestartMidway() {
    String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    for (int i = 0; i < 50; i++) {
      jdbc.sql("INSERT INTO feature_flags (name, enabled) VALUES (?, true)")
          .param(prefix + i)
          .update();
    }
    for (int i = 0; i < 1_000; i++) {
      if (i == 300) {
        capture.stop();
      }
      if (i == 600) {
        capture.start();
      }
      jdbc.sql("UPDATE feature_flags SET rollout_percentage = ? WHERE name = ?")
          .params(i % 101, prefix + (i % 50))
          .update();
    }
    Map<String, List<Long>> expected = database(prefix);
    assertThat(expected).hasSize(50);
    try (FlagTopicReader topic = new FlagTopicReader(KAFKA.bootstrapServers(), TOPIC)) {
      topic.untilAsserted(WITHIN, read -> assertThat(held(read, prefix)).isEqualTo(expected));
    }
  }

  @Test
  void whileKafkaIsDown_theApiStaysReady_writesCommit_lagGrows_andEverythingArrivesLater() {
    String name = "outage-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(editor.post("/api/admin/flags", "{\"name\":\"" + name + "\"}").status())
        .isEqualTo(201);
    Set<Long> versions = new HashSet<>();
    KAFKA.stop();
    try {
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () -> {
                var capture = admin.get("/health/capture");
                assertThat(capture.status())
                    .as("the capture group reports the outage")
                    .isEqualTo(503);
                assertThat(capture.json().at("/components/kafka/status").asString())
                    .isEqualTo("DOWN");
                assertThat(capture.json().at("/components/cdc/details/role").asString())
                    .isIn("FAILING", "HANDED_OVER");
              });
      long lagBefore = slotLag();
      for (int i = 0; i <= 20; i++) {
        var changed =
            editor.put(
                "/api/admin/flags/" + name + "/rollout", "{\"rolloutPercentage\":" + i * 5 + "}");
        assertThat(changed.status()).as("the admin API works without Kafka").isEqualTo(200);
        versions.add(changed.json().get("version").asLong());
        assertThat(admin.get("/health/ready").status())
            .as("readiness is about serving the API, which works")
            .isEqualTo(200);
      }
      // Regression: the gauge was updated only by a running engine, so it froze during outages.
      await()
          .atMost(WITHIN)
          .untilAsserted(
              () ->
                  assertThat(slotLag())
                      .as("the slot holds back the log written meanwhile, and it shows")
                      .isGreaterThan(lagBefore));
      assertThat(admin.get("/health").json().at("/components/cdc/status").asString())
          .as("/health shows the capture's state too")
          .isEqualTo("DOWN");
    } finally {
      KAFKA.start();
    }
    try (FlagTopicReader topic = new FlagTopicReader(KAFKA.bootstrapServers(), TOPIC)) {
      topic.untilAsserted(
          WITHIN,
          read ->
              assertThat(
                      read.eventsOf(name).stream()
                          .map(FlagChangeEvent::version)
                          .collect(Collectors.toSet()))
                  .as("every change made during the outage")
                  .containsAll(versions));
      assertThat(topic.replay().get(name).rolloutPercentage()).isEqualTo(100);
    }
    await().atMost(WITHIN).until(() -> admin.get("/health/capture").status() == 200);
  }

  private long slotLag() {
    return (long)
        admin
            .get("/metrics/flagstream.cdc.slot.lag.bytes")
            .json()
            .at("/measurements/0/value")
            .asDouble();
  }

  /** Regression: offsets of another slot in the same database made every engine start fail. */
  @Test
  void aLostReplicationSlot_isRecoveredByAFreshSnapshot() {
    String name = "slot-lost-" + UUID.randomUUID().toString().substring(0, 6);
    capture.stop();
    try {
      jdbc.sql("INSERT INTO feature_flags (name, rollout_percentage) VALUES (?, 42)")
          .param(name)
          .update();
      jdbc.sql("SELECT pg_drop_replication_slot('resilience_it')").query().singleRow();
    } finally {
      capture.start();
    }
    try (FlagTopicReader topic = new FlagTopicReader(KAFKA.bootstrapServers(), TOPIC)) {
      topic.untilAsserted(
          WITHIN,
          read -> {
            assertThat(read.replay().get(name)).isNotNull();
            assertThat(read.replay().get(name).rolloutPercentage()).isEqualTo(42);
          });
    }
  }
}
