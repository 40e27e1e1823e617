package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.FlagTopicReader;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.admin.fixtures.TestKafka;
import dev.flagstream.contracts.change.CaptureHeartbeat;
import dev.flagstream.contracts.change.ChangeOp;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every committed flag change reaches the compacted topic, in effect once and in order. */
// Its engine would otherwise keep capturing, in the cached context, through later tests.
@DirtiesContext
class ChangeCaptureIT extends AdminServiceIntegration {
  private static final String TOPIC = "flags-capture-" + UUID.randomUUID();
  private static final Duration WITHIN = Duration.ofSeconds(20);

  private FlagTopicReader topic;

  @DynamicPropertySource
  static void capture(DynamicPropertyRegistry properties) {
    TestDatabase.register(properties, "cdc_capture");
    properties.add("flags.cdc.enabled", () -> "true");
    properties.add("flags.cdc.slot-name", () -> "capture_it");
    properties.add("flags.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
    properties.add("flags.kafka.topic", () -> TOPIC);
    properties.add("flags.kafka.replication-factor", () -> "1");
    properties.add("flags.cdc.heartbeat-interval", () -> "1s");
    properties.add("flags.kafka.properties[max.request.size]", () -> "20000");
  }

  @BeforeEach
  void readTheTopic() {
    await().atMost(WITHIN).until(() -> admin.get("/health/capture").status() == 200);
    topic = new FlagTopicReader(TestKafka.broker().bootstrapServers(), TOPIC);
  }

  @AfterEach
  void stopReading() {
    topic.close();
  }

  private String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The distinct versions published for a flag, in topic order: what a consumer takes effect. */
  private List<FlagChangeEvent> inEffect(String name) {
    List<FlagChangeEvent> events = topic.eventsOf(name);
    return events.stream()
        .collect(
            Collectors.toMap(
                e -> e.version() + ":" + e.op(), e -> e, (a, b) -> a, LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  @Test
  void everyKindOfChange_appearsOnceInEffect_inOrder_withATombstoneAfterTheDelete() {
    String name = uniqueName("lifecycle");
    String path = "/api/admin/flags/" + name;
    JsonNode created = editor.post("/api/admin/flags", "{\"name\":\"" + name + "\"}").json();
    JsonNode described = editor.patch(path, "{\"description\":\"now with words\"}").json();
    JsonNode toggled = editor.post(path + "/toggle", null).json();
    JsonNode rolled = editor.put(path + "/rollout", "{\"rolloutPercentage\":30}").json();
    assertThat(editor.delete(path).status()).isEqualTo(204);

    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              assertThat(inEffect(name)).hasSize(5);
              assertThat(topic.poll()).anyMatch(r -> r.key().equals(name) && r.isTombstone());
            });
    List<FlagChangeEvent> events = inEffect(name);
    assertThat(events)
        .extracting(FlagChangeEvent::op)
        .containsExactly(
            ChangeOp.UPSERT, ChangeOp.UPSERT, ChangeOp.UPSERT, ChangeOp.UPSERT, ChangeOp.DELETE);
    assertThat(events)
        .extracting(FlagChangeEvent::version)
        .containsExactly(
            created.get("version").asLong(),
            described.get("version").asLong(),
            toggled.get("version").asLong(),
            rolled.get("version").asLong(),
            rolled.get("version").asLong());
    assertThat(events.get(1).flag().description()).isEqualTo("now with words");
    assertThat(events.get(2).flag().enabled()).isTrue();
    assertThat(events.get(3).flag().rolloutPercentage()).isEqualTo(30);
    assertThat(events.get(4).flag()).isNull();
    assertThat(events).extracting(FlagChangeEvent::revision).isSorted();
    assertThat(events.get(0).changedAt()).isBeforeOrEqualTo(events.get(4).changedAt());

    List<FlagTopicReader.Read> all = topic.poll();
    int deleteAt = -1;
    int tombstoneAt = -1;
    for (int i = 0; i < all.size(); i++) {
      FlagTopicReader.Read read = all.get(i);
      if (read.key().equals(name) && read.isTombstone()) {
        tombstoneAt = i;
        assertThat(read.tombstoneVersion()).isEqualTo(rolled.get("version").asLong());
      } else if (read.key().equals(name) && read.event().op() == ChangeOp.DELETE && deleteAt < 0) {
        deleteAt = i;
      }
    }
    assertThat(tombstoneAt).as("the tombstone follows the delete").isGreaterThan(deleteAt);
  }

  @Test
  void deleteAndRecreate_leavesConsumersWithTheNewFlag() {
    String name = uniqueName("phoenix");
    editor.post("/api/admin/flags", "{\"name\":\"" + name + "\",\"description\":\"old\"}");
    editor.delete("/api/admin/flags/" + name);
    JsonNode recreated =
        editor
            .post(
                "/api/admin/flags",
                "{\"name\":\"" + name + "\",\"description\":\"new\",\"enabled\":true}")
            .json();

    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              Flag held = topic.replay().get(name);
              assertThat(held).isNotNull();
              assertThat(held.description()).isEqualTo("new");
              assertThat(held.version()).isEqualTo(recreated.get("version").asLong());
            });
  }

  @Test
  void aConsumerReadingFromTheBeginning_rebuildsExactlyTheCurrentFlags() {
    String prefix = uniqueName("rebuild");
    for (int i = 0; i < 6; i++) {
      editor.post("/api/admin/flags", "{\"name\":\"" + prefix + "-" + i + "\"}");
    }
    editor.post("/api/admin/flags/" + prefix + "-1/toggle", null);
    editor.put("/api/admin/flags/" + prefix + "-2/rollout", "{\"rolloutPercentage\":7}");
    editor.delete("/api/admin/flags/" + prefix + "-3");
    editor.delete("/api/admin/flags/" + prefix + "-4");
    editor.post("/api/admin/flags", "{\"name\":\"" + prefix + "-4\",\"enabled\":true}");

    Map<String, Long> current =
        admin
            .get("/api/admin/flags?q=" + prefix)
            .json()
            .valueStream()
            .collect(
                Collectors.toMap(f -> f.get("name").asString(), f -> f.get("version").asLong()));
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              Map<String, Long> rebuilt =
                  topic.replay().flags().values().stream()
                      .filter(f -> f.name().startsWith(prefix))
                      .collect(Collectors.toMap(Flag::name, Flag::version));
              assertThat(rebuilt).isEqualTo(current);
            });
  }

  @Test
  void revisions_followCommitOrder_acrossFlags() {
    String a = uniqueName("order-a");
    String b = uniqueName("order-b");
    editor.post("/api/admin/flags", "{\"name\":\"" + a + "\"}");
    editor.post("/api/admin/flags", "{\"name\":\"" + b + "\"}");
    editor.post("/api/admin/flags/" + a + "/toggle", null);
    editor.post("/api/admin/flags/" + b + "/toggle", null);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              assertThat(inEffect(a)).hasSize(2);
              assertThat(inEffect(b)).hasSize(2);
            });
    List<Long> revisions =
        List.of(inEffect(a).get(0), inEffect(b).get(0), inEffect(a).get(1), inEffect(b).get(1))
            .stream()
            .map(FlagChangeEvent::revision)
            .toList();
    assertThat(revisions).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theCaptureGroup_reportsKafkaAndTheCapture_readinessNeither() {
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              var capture = admin.get("/health/capture");
              assertThat(capture.status()).isEqualTo(200);
              JsonNode health = capture.json();
              assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
              assertThat(health.at("/components/cdc/status").asString()).isEqualTo("UP");
              assertThat(health.at("/components/cdc/details/role").asString())
                  .isEqualTo("CAPTURING");
              assertThat(health.at("/components/cdc/details/slot/lagBytes").isNumber())
                  .as("the slot's lag is measured once the slot exists")
                  .isTrue();
              assertThat(health.at("/components/cdc/details/slot/walStatus").asString())
                  .isIn("reserved", "extended");
            });
    JsonNode ready = admin.get("/health/ready").json();
    assertThat(ready.get("components").propertyNames())
        .as("readiness is about serving the API")
        .containsExactlyInAnyOrder("readinessState", "db", "migrations");
    assertThat(admin.get("/health").json().get("components").propertyNames())
        .contains("kafka", "cdc", "db");
  }

  @Test
  void heartbeats_reachTheTopic_inCommitOrderWithTheChanges() {
    String name = uniqueName("beating");
    editor.post("/api/admin/flags", "{\"name\":\"" + name + "\"}");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              assertThat(inEffect(name)).hasSize(1);
              assertThat(topic.heartbeats())
                  .as("heartbeats after the change")
                  .filteredOn(beat -> beat.revision() > inEffect(name).get(0).revision())
                  .hasSizeGreaterThanOrEqualTo(2);
            });
    List<CaptureHeartbeat> beats = topic.heartbeats();
    assertThat(beats).allSatisfy(beat -> assertThat(beat.intervalMillis()).isEqualTo(1_000));
    assertThat(beats).extracting(CaptureHeartbeat::revision).isSorted();
    assertThat(beats).extracting(CaptureHeartbeat::beatAt).isSorted();
  }

  @Test
  void aChangeTooLargeForKafka_isDeadLettered_andCaptureGoesOn() {
    String huge = uniqueName("huge");
    String after = uniqueName("after-huge");
    double before = metric("flagstream.cdc.records.dead.lettered");
    // A valid flag, larger than this test's producer accepts (max.request.size, passed through)
    String allowlist =
        IntStream.range(0, 1_000)
            .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
            .collect(Collectors.joining(","));
    assertThat(
            editor
                .post(
                    "/api/admin/flags",
                    "{\"name\":\"" + huge + "\",\"userAllowlist\":[" + allowlist + "]}")
                .status())
        .isEqualTo(201);
    editor.post("/api/admin/flags", "{\"name\":\"" + after + "\"}");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              assertThat(inEffect(after)).hasSize(1);
            });
    assertThat(inEffect(huge)).as("never published").isEmpty();
    assertThat(metric("flagstream.cdc.records.dead.lettered")).isEqualTo(before + 1);
  }

  private double metric(String name) {
    return admin.get("/metrics/" + name).json().at("/measurements/0/value").asDouble();
  }

  @Test
  void metrics_countPublishedRecords_andTheirLag() {
    String name = uniqueName("metered");
    editor.post("/api/admin/flags", "{\"name\":\"" + name + "\"}");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              topic.poll();
              assertThat(inEffect(name)).hasSize(1);
            });
    JsonNode published = admin.get("/metrics/flagstream.cdc.records.published").json();
    assertThat(published.get("measurements").get(0).get("value").asDouble()).isPositive();
    JsonNode lag = admin.get("/metrics/flagstream.cdc.commit.to.publish").json();
    assertThat(lag.get("measurements").get(0).get("value").asDouble()).isPositive();
    JsonNode captured = admin.get("/metrics/flagstream.cdc.commit.to.capture").json();
    assertThat(captured.get("measurements").get(0).get("value").asDouble()).isPositive();
  }
}
