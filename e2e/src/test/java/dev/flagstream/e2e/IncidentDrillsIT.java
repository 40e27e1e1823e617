package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The procedures of docs/INCIDENT_RESPONSE.md, performed as written there against the whole
 * platform (PostgreSQL, Kafka, the admin service and an evaluator, each a process of its own), each
 * checking the outcome the runbook promises. The drills share one platform and run in any order:
 * each ends with the platform whole again.
 */
class IncidentDrillsIT {
  private static final Duration SECONDS = Duration.ofSeconds(30);
  // What an outage or a restart may take to be noticed and recovered from: capture restarts with
  // backoff, consumers give up on a broker after their own timeouts.
  private static final Duration RECOVERY = Duration.ofSeconds(90);
  private static final String REVISION = "Flagstream-Revision";
  private static LocalPlatform platform;
  private static Http admin;
  private static Http adminSnapshots;
  private static Http evaluator;

  @BeforeAll
  static void start() {
    platform =
        TestPlatform.builder(IncidentDrillsIT.class)
            // The snapshot safety net's interval, short as the runbook allows for a drill: a
            // kill switch must arrive by snapshot alone while Kafka is away.
            .evaluatorSetting("flags.refresh-interval", "5s")
            .start();
    String serverKey = platform.credentials().serverKey();
    admin = new Http(platform.admin().url(), platform.credentials().token());
    adminSnapshots = new Http(platform.admin().url(), serverKey);
    evaluator = new Http(platform.evaluator().url(), serverKey);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** Runbook 3.6, Kafka outage; then 3.7, evaluator divergence (compare digests). */
  @Test
  void kafkaOutage_evaluatorsServeAndReportStale_aKillSwitchArrivesBySnapshot_thenAllConverge() {
    String flag = created("kill", "{\"enabled\":true}");

    platform.kafka().stop();
    try {
      await()
          .atMost(RECOVERY)
          .alias("the evaluator reports STALE in its health details")
          .until(() -> storeStatus().equals("STALE"));
      assertThat(value(flag)).as("the last known value is served").isTrue();
      assertThat(evaluator.get("/health/ready").status())
          .as("a stale evaluator stays ready")
          .isEqualTo(200);
      await()
          .atMost(RECOVERY)
          .alias("the pipeline says it is down")
          .until(() -> admin.get("/health/capture").status() == 503);
      assertThat(admin.get("/health/ready").status())
          .as("the admin API stays ready")
          .isEqualTo(200);

      Http.Reply killed = admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":false}");
      assertThat(killed.status()).as("the kill switch commits without Kafka").isEqualTo(200);
      await()
          .atMost(SECONDS)
          .alias("the kill switch reaches the evaluator through the snapshot safety net")
          .until(() -> !value(flag));
    } finally {
      platform.kafka().start();
    }

    await()
        .atMost(RECOVERY)
        .ignoreExceptions()
        .until(() -> admin.get("/health/capture").status() == 200 && storeStatus().equals("READY"));
    String token =
        admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":true}").header(REVISION);
    awaitReached(flag, token); // changes flow through the stream again
    awaitEvaluatorAgreesWithTheDatabase();
  }

  /** Runbook 3.3, a bad flag change: the audit log, a one-step revert, read your writes. */
  @Test
  void badFlagChange_revertedThroughTheAuditLog_reachesTheEvaluator() {
    String flag = created("checkout", "{\"enabled\":true,\"rolloutPercentage\":100}");
    Http.Reply bad =
        admin.put("/api/admin/flags/" + flag + "/rollout", "{\"rolloutPercentage\":0}");
    awaitReached(flag, bad.header(REVISION));
    assertThat(value(flag)).as("the bad change is live").isFalse();

    JsonNode entries = admin.get("/api/admin/audit?flag=" + flag + "&limit=20").json();
    assertThat(entries.get(0).get("action").asString()).isEqualTo("FLAG_ROLLOUT_CHANGED");
    long lastGood = entries.get(1).get("id").asLong(); // newest first: the entry before the bad one
    Http.Reply reverted =
        admin.post("/api/admin/flags/" + flag + "/revert", "{\"auditId\":" + lastGood + "}");
    assertThat(reverted.status()).isEqualTo(200);
    assertThat(reverted.json().get("rolloutPercentage").asInt()).isEqualTo(100);

    Http.Reply read =
        evaluator.send(
            "GET",
            "/api/flags/" + flag + "/evaluation?userId=u-1",
            null,
            REVISION,
            reverted.header(REVISION));
    assertThat(read.header("Flagstream-Revision-Reached")).isEqualTo("true");
    assertThat(read.json().get("value").asBoolean()).as("the revert is served").isTrue();
    assertThat(
            admin
                .get("/api/admin/audit?flag=" + flag + "&limit=1")
                .json()
                .get(0)
                .get("action")
                .asString())
        .as("the revert is audited")
        .isEqualTo("FLAG_REVERTED");
  }

  /**
   * Runbook 3.5, replication slot WAL growth: drop and recreate by hand, with capture stopped; a
   * flag deleted while there was no slot must leave the topic too. Then 3.7: compare digests.
   */
  @Test
  void droppedReplicationSlot_reSnapshots_andTopicAgreesWithTheDatabase_deletionsInTheGapIncluded()
      throws Exception {
    String kept = created("kept", "{\"enabled\":true}");
    String gone = created("gone", "{\"enabled\":true}");

    platform.admin().stop(); // capture stopped on every replica: this platform has one
    try (Connection database = superuser()) {
      await().atMost(SECONDS).until(() -> slotIsIdle(database));
      query(database, "SELECT pg_drop_replication_slot('flagstream')");
      // Changes no slot sees: what a restore or a hand-made fix during the gap would leave.
      update(database, "DELETE FROM feature_flags WHERE name = ?", gone);
      update(database, "UPDATE feature_flags SET rollout_percentage = 0 WHERE name = ?", kept);
    } finally {
      platform.admin().start();
    }

    awaitEvaluatorAgreesWithTheDatabase();
    assertThat(evaluation(gone).get("reason").asString()).isEqualTo("FLAG_NOT_FOUND");
    assertThat(evaluation(kept).get("reason").asString()).isEqualTo("OUT_OF_ROLLOUT");
    try (FlagClient topic =
        FlagClient.builder().kafka(platform.kafka().bootstrapServers()).build()) {
      assertThat(topic.awaitReady(SECONDS)).isTrue();
      await()
          .atMost(SECONDS)
          .alias("a reader of the whole topic holds exactly the database's flags")
          .until(() -> FlagSnapshot.digestOf(topic.flags()).equals(databaseSnapshot().digest()));
      assertThat(topic.flags()).noneMatch(f -> f.name().equals(gone));
    }
    assertThat(adminMetric("flagstream_cdc_reconcile_ghosts_total"))
        .as("the reconciliation deleted the ghost")
        .isGreaterThanOrEqualTo(1);
  }

  /**
   * Runbook 3.1, a service release: the admin stopped and started again from a build against the
   * same database (the build at hand: this build has no predecessor to start), then verified.
   */
  @Test
  void releaseRolledBack_adminStartedAgainOnTheSameDatabase_servesEveryFlagAndCapturesAgain() {
    String flag = created("release", "{\"enabled\":false}");
    String before = admin.get("/api/admin/flag-transfer").body();
    String history = admin.get("/api/admin/audit?flag=" + flag).body();

    platform.admin().stop();
    platform.admin().start(); // returns once /health/ready answers 200

    assertThat(admin.get("/health/ready").status()).isEqualTo(200);
    assertThat(admin.get("/api/admin/flag-transfer").body())
        .as("every flag kept")
        .isEqualTo(before);
    assertThat(admin.get("/api/admin/audit?flag=" + flag).body())
        .as("the audit log kept")
        .isEqualTo(history);
    await().atMost(RECOVERY).until(() -> admin.get("/health/capture").status() == 200);
    String token =
        admin.post("/api/admin/flags/" + flag + "/toggle", "{\"enabled\":true}").header(REVISION);
    awaitReached(flag, token); // capture publishes again
    awaitEvaluatorAgreesWithTheDatabase();
  }

  private static String created(String prefix, String settings) {
    String flag = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\":\"" + flag + "\"," + settings.substring(1);
    Http.Reply reply = admin.post("/api/admin/flags", body);
    assertThat(reply.status()).isEqualTo(201);
    awaitReached(flag, reply.header(REVISION));
    return flag;
  }

  /** An evaluator read carrying the write's token, as runbook 3.3 step 4 confirms a change. */
  private static void awaitReached(String flag, String token) {
    await()
        .atMost(SECONDS)
        .until(
            () ->
                "true"
                    .equals(
                        evaluator
                            .send(
                                "GET", "/api/flags/" + flag + "/evaluation", null, REVISION, token)
                            .header("Flagstream-Revision-Reached")));
  }

  private static JsonNode evaluation(String flag) {
    return evaluator.get("/api/flags/" + flag + "/evaluation?userId=u-1").json();
  }

  private static boolean value(String flag) {
    return evaluation(flag).get("value").asBoolean();
  }

  private static String storeStatus() {
    return evaluator.get("/health").json().at("/components/store/details/status").asString();
  }

  private static FlagSnapshot databaseSnapshot() {
    return snapshot(adminSnapshots);
  }

  private static FlagSnapshot snapshot(Http service) {
    return FlagSnapshot.fromJson(
        service.get("/api/flags/snapshot").body().getBytes(StandardCharsets.UTF_8));
  }

  /** Runbook 3.7: the admin's snapshot (the database) and the evaluator's have one digest. */
  private static void awaitEvaluatorAgreesWithTheDatabase() {
    await()
        .atMost(RECOVERY)
        .ignoreExceptions()
        .until(
            () -> {
              String database = entityTag(adminSnapshots);
              return database != null && database.equals(entityTag(evaluator));
            });
  }

  /** The snapshot's {@code ETag}, its digest, as runbook 3.7 compares them. */
  private static @Nullable String entityTag(Http service) {
    return service.get("/api/flags/snapshot").header("ETag");
  }

  private static double adminMetric(String name) {
    for (String line : admin.get("/prometheus").body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name);
  }

  private static Connection superuser() throws SQLException {
    return DriverManager.getConnection(
        platform.postgres().jdbcUrl(), platform.postgres().user(), "");
  }

  private static boolean slotIsIdle(Connection database) throws SQLException {
    try (PreparedStatement slot =
            database.prepareStatement(
                "SELECT active FROM pg_replication_slots WHERE slot_name = 'flagstream'");
        ResultSet rows = slot.executeQuery()) {
      return rows.next() && !rows.getBoolean(1);
    }
  }

  private static void query(Connection database, String sql) throws SQLException {
    try (PreparedStatement statement = database.prepareStatement(sql)) {
      statement.executeQuery().close();
    }
  }

  private static void update(Connection database, String sql, String name) throws SQLException {
    try (PreparedStatement statement = database.prepareStatement(sql)) {
      statement.setString(1, name);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }
}
