package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whatever happened while capture was away, a consumer ends holding exactly the database's flags:
 * flags deleted while the slot was lost leave no ghost (finding M8), and a database restored to an
 * earlier point is published again above what consumers hold (finding M14).
 */
// Its engine would otherwise keep capturing, in the cached context, through later tests.
@DirtiesContext
class TopicReconciliationIT extends AdminServiceIntegration {
  private static final String TOPIC = "flags-reconcile-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @Autowired ChangeCapture capture;

  @DynamicPropertySource
  static void capture(DynamicPropertyRegistry properties) {
    TestDatabase.register(properties, "cdc_reconcile");
    properties.add("flags.cdc.enabled", () -> "true");
    properties.add("flags.cdc.slot-name", () -> "reconcile_it");
    properties.add("flags.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
    properties.add("flags.kafka.topic", () -> TOPIC);
    properties.add("flags.kafka.replication-factor", () -> "1");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Name to (version, rollout), of the database or of what a consumer of the topic holds. */
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

  private void create(String name, int rollout) {
    assertThat(
            editor
                .post(
                    "/api/admin/flags",
                    "{\"name\":\"" + name + "\",\"rolloutPercentage\":" + rollout + "}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void flagsDeletedWhileTheSlotWasLost_leaveNoGhostOnTheTopic() {
    String prefix = unique("gap");
    create(prefix + "-kept", 10);
    create(prefix + "-gone", 20);
    try (FlagTopicReader topic =
        new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
      topic.untilAsserted(WITHIN, read -> assertThat(held(read, prefix)).hasSize(2));

      capture.stop();
      try {
        jdbc.sql("SELECT pg_drop_replication_slot('reconcile_it')").query().singleRow();
        jdbc.sql("DELETE FROM feature_flags WHERE name = ?").param(prefix + "-gone").update();
        jdbc.sql("INSERT INTO feature_flags (name) VALUES (?)").param(prefix + "-new").update();
      } finally {
        capture.start();
      }

      Map<String, List<Long>> expected = database(prefix);
      assertThat(expected).containsOnlyKeys(prefix + "-kept", prefix + "-new");
      topic.untilAsserted(WITHIN, read -> assertThat(held(read, prefix)).isEqualTo(expected));
      assertThat(topic.poll())
          .as("a versioned tombstone, so that compaction removes the flag for good")
          .anyMatch(r -> r.key().equals(prefix + "-gone") && r.isTombstone());
    }
  }

  @Test
  void aDatabaseRestoredToAnEarlierPoint_endsWithConsumersHoldingExactlyItsFlags() {
    String prefix = unique("restore");
    for (int i = 0; i < 3; i++) {
      create(prefix + "-" + i, 50);
    }
    create(prefix + "-after-the-restore-point", 50);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 3; i++) {
        editor.put(
            "/api/admin/flags/" + prefix + "-" + i + "/rollout",
            "{\"rolloutPercentage\":" + (60 + round) + "}");
      }
    }
    try (FlagTopicReader consumer =
        new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC)) {
      Map<String, List<Long>> beforeRestore = database(prefix);
      consumer.untilAsserted(
          WITHIN, read -> assertThat(held(read, prefix)).isEqualTo(beforeRestore));

      capture.stop();
      try {
        // What a point-in-time restore leaves: older rows at older versions, a flag made after the
        // restore point gone, and a sequence that issues versions consumers already hold.
        jdbc.sql("ALTER TABLE feature_flags DISABLE TRIGGER feature_flags_versioned").update();
        for (int i = 0; i < 3; i++) {
          jdbc.sql("UPDATE feature_flags SET version = ?, rollout_percentage = ? WHERE name = ?")
              .params(i + 1, 10 * (i + 1), prefix + "-" + i)
              .update();
        }
        jdbc.sql("DELETE FROM feature_flags WHERE name = ?")
            .param(prefix + "-after-the-restore-point")
            .update();
        jdbc.sql("ALTER TABLE feature_flags ENABLE TRIGGER feature_flags_versioned").update();
        jdbc.sql("SELECT setval('flag_version_seq', 3)").query().singleRow();
        // Without the fix, this change gets a version consumers already hold, and is ignored.
        jdbc.sql("UPDATE feature_flags SET rollout_percentage = 99 WHERE name = ?")
            .param(prefix + "-0")
            .update();
      } finally {
        capture.start();
      }

      consumer.untilAsserted(
          WITHIN,
          read -> {
            Map<String, List<Long>> restored = database(prefix);
            assertThat(restored).hasSize(3);
            assertThat(restored.get(prefix + "-0").get(1)).isEqualTo(99);
            assertThat(held(read, prefix)).isEqualTo(restored);
          });
      long highestPublished =
          consumer.poll().stream()
              .filter(read -> !read.isTombstone())
              .mapToLong(read -> read.event().version())
              .max()
              .orElseThrow();
      assertThat(
              jdbc.sql("SELECT pg_sequence_last_value('flag_version_seq')")
                  .query(Long.class)
                  .single())
          .as("the sequence moved past every version on the topic")
          .isGreaterThanOrEqualTo(highestPublished);
      assertThat(
              admin
                  .get("/metrics/flagstream.cdc.version.regressions")
                  .json()
                  .at("/measurements/0/value")
                  .asDouble())
          .isPositive();
    }
  }
}
