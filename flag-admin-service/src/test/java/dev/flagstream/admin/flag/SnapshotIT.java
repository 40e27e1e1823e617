package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The snapshot evaluators fall back on: every flag, for a server key and nothing more, at the path
 * and with the entity tag of an evaluator's snapshot.
 */
class SnapshotIT extends AdminServiceIntegration {
  @Autowired private DataSource dataSource;

  @Test
  void aServerKey_readsEveryFlag_withItsDigest() {
    editor.post("/api/admin/flags", "{\"name\":\"b\",\"enabled\":true}");
    editor.post("/api/admin/flags", "{\"name\":\"a\",\"metadata\":{\"z\":1,\"y\":[true]}}");
    var response = anonymous.as(SERVER_KEY).get("/api/flags/snapshot");
    assertThat(response.status()).isEqualTo(200);
    FlagSnapshot snapshot = FlagSnapshot.fromJson(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(snapshot.flags()).extracting(f -> f.name()).containsExactly("a", "b");
    assertThat(snapshot.revision()).isEqualTo(FlagSnapshot.UNKNOWN_REVISION);
    assertThat(snapshot.digest()).isEqualTo(FlagSnapshot.digestOf(snapshot.flags()));
    assertThat(response.header("ETag")).contains("\"" + snapshot.digest() + "\"");
    assertThat(viewer.get("/api/flags/snapshot").status())
        .as("people may read it too")
        .isEqualTo(200);
  }

  @Test
  void ifNoneMatch_withTheDigest_is304_untilAFlagChanges() {
    editor.post("/api/admin/flags", "{\"name\":\"a\"}");
    Api evaluator = anonymous.as(SERVER_KEY);
    String etag = evaluator.get("/api/flags/snapshot").header("ETag").orElseThrow();

    Response same = evaluator.get("/api/flags/snapshot", "If-None-Match", etag);
    assertThat(same.status()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.header("ETag")).contains(etag);
    assertThat(
            evaluator.get("/api/flags/snapshot", "If-None-Match", "\"other\", W/" + etag).status())
        .as("any tag of a list, compared weakly, as If-None-Match asks")
        .isEqualTo(304);

    editor.post("/api/admin/flags/a/toggle", null);
    Response changed = evaluator.get("/api/flags/snapshot", "If-None-Match", etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void changesMadeOutsideThisService_areInTheNextSnapshot_andNothingElseChanges() {
    editor.post("/api/admin/flags", "{\"name\":\"kept\",\"rolloutPercentage\":10}");
    editor.post("/api/admin/flags", "{\"name\":\"changed\"}");
    editor.post("/api/admin/flags", "{\"name\":\"removed\"}");
    Api evaluator = anonymous.as(SERVER_KEY);
    FlagSnapshot before = snapshot(evaluator.get("/api/flags/snapshot"));
    FlagSnapshot again = snapshot(evaluator.get("/api/flags/snapshot"));
    assertThat(again.flags()).isEqualTo(before.flags());
    assertThat(again.digest()).isEqualTo(before.digest());
    assertThat(again.freshAt()).as("current as of each request").isAfterOrEqualTo(before.freshAt());

    // As another admin instance or an operator's statement would: not through this service.
    jdbc.sql("UPDATE feature_flags SET enabled = true WHERE name = 'changed'").update();
    jdbc.sql("DELETE FROM feature_flags WHERE name = 'removed'").update();
    jdbc.sql("INSERT INTO feature_flags (name, user_allowlist) VALUES ('added', '{}')").update();
    var response = evaluator.get("/api/flags/snapshot", "If-None-Match", before.entityTag());
    assertThat(response.status()).isEqualTo(200);
    FlagSnapshot after = snapshot(response);

    assertThat(after.flags()).extracting(Flag::name).containsExactly("added", "changed", "kept");
    assertThat(after.flags().get(1).enabled()).isTrue();
    assertThat(after.flags().get(1).version()).isGreaterThan(before.flags().get(0).version());
    assertThat(after.flags().get(2)).isEqualTo(before.flags().get(1));
    assertThat(after.digest()).isEqualTo(FlagSnapshot.digestOf(after.flags()));
    assertThat(evaluator.get("/api/flags/snapshot", "If-None-Match", after.entityTag()).status())
        .isEqualTo(304);
  }

  @Test
  void aTransactionRunningWhileASnapshotIsRead_isInTheFirstSnapshotAfterItsCommit()
      throws SQLException {
    editor.post("/api/admin/flags", "{\"name\":\"other\"}");
    editor.post("/api/admin/flags", "{\"name\":\"quick\"}");
    editor.post("/api/admin/flags", "{\"name\":\"slow\"}");
    Api evaluator = anonymous.as(SERVER_KEY);
    snapshot(evaluator.get("/api/flags/snapshot"));

    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      try (Statement statement = slow.createStatement()) {
        // Written at the top level before the snapshot below, committed after it.
        statement.executeUpdate(
            "UPDATE feature_flags SET rollout_percentage = 7 WHERE name = 'other'");
        jdbc.sql("UPDATE feature_flags SET enabled = true WHERE name = 'quick'").update();
        FlagSnapshot during = snapshot(evaluator.get("/api/flags/snapshot"));
        assertThat(during.flags())
            .extracting(Flag::name, Flag::enabled, Flag::rolloutPercentage)
            .containsExactly(
                tuple("other", false, 100), tuple("quick", true, 100), tuple("slow", false, 100));

        // A subtransaction writes with an id of its own.
        slow.setSavepoint();
        statement.executeUpdate("UPDATE feature_flags SET enabled = true WHERE name = 'slow'");
        slow.commit();
      }
    }
    FlagSnapshot after = snapshot(evaluator.get("/api/flags/snapshot"));
    assertThat(after.flags())
        .extracting(Flag::name, Flag::enabled, Flag::rolloutPercentage)
        .containsExactly(
            tuple("other", false, 7), tuple("quick", true, 100), tuple("slow", true, 100));
    assertThat(after.digest()).isEqualTo(FlagSnapshot.digestOf(after.flags()));
  }

  @Test
  void manyRowsWrittenOutsideThisService_andDeletionsAlone_areInTheNextSnapshot() {
    editor.post("/api/admin/flags", "{\"name\":\"first\"}");
    Api evaluator = anonymous.as(SERVER_KEY);
    assertThat(snapshot(evaluator.get("/api/flags/snapshot")).flags()).hasSize(1);

    jdbc.sql(
            "INSERT INTO feature_flags (name, rollout_percentage)"
                + " SELECT 'bulk-' || i, i % 101 FROM generate_series(1, 1500) AS i")
        .update();
    jdbc.sql("UPDATE feature_flags SET enabled = true WHERE name = 'first'").update();
    FlagSnapshot after = snapshot(evaluator.get("/api/flags/snapshot"));

    assertThat(after.flags()).hasSize(1501);
    assertThat(after.flags().get(0).name()).isEqualTo("bulk-1");
    assertThat(after.flags().get(0).rolloutPercentage()).isEqualTo(1);
    assertThat(after.flags().get(1500).name()).isEqualTo("first");
    assertThat(after.flags().get(1500).enabled()).isTrue();
    assertThat(after.digest()).isEqualTo(FlagSnapshot.digestOf(after.flags()));

    // bulk-1, bulk-10..19, bulk-100..199, bulk-1000..1500: 612 rows, and nothing written.
    jdbc.sql("DELETE FROM feature_flags WHERE name LIKE 'bulk-1%'").update();
    FlagSnapshot fewer = snapshot(evaluator.get("/api/flags/snapshot"));
    assertThat(fewer.flags()).hasSize(1501 - 612);
    assertThat(fewer.flags()).extracting(Flag::name).noneMatch(name -> name.startsWith("bulk-1"));
    assertThat(fewer.flags()).extracting(Flag::name).contains("bulk-2", "bulk-999", "first");
    assertThat(fewer.digest()).isEqualTo(FlagSnapshot.digestOf(fewer.flags()));
  }

  private static FlagSnapshot snapshot(Response response) {
    assertThat(response.status()).isEqualTo(200);
    return FlagSnapshot.fromJson(response.body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFormerPath_isGone() {
    problem(admin.get("/api/snapshot"), 404);
    problem(anonymous.as(SERVER_KEY).get("/api/snapshot"), 403);
  }

  @Test
  void aServerKey_grantsNothingElse() {
    problem(anonymous.as(SERVER_KEY).get("/api/admin/flags"), 403);
    problem(
        unchanged(() -> anonymous.as(SERVER_KEY).post("/api/admin/flags", "{\"name\":\"x\"}")),
        403);
    problem(anonymous.as(SERVER_KEY).get("/api/auth/me"), 403);
    problem(anonymous.get("/api/flags/snapshot"), 401);
    problem(anonymous.as(SERVER_KEY + "x").get("/api/flags/snapshot"), 401);
  }
}
