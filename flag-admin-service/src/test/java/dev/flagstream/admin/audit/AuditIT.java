package dev.flagstream.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditIT extends AdminServiceIntegration {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private List<JsonNode> entries(String query) {
    Response response = viewer.get("/api/admin/audit" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().valueStream().toList();
  }

  @Test
  void everyFlagChange_isRecordedWithActorBeforeAfterAndRequestId() {
    editor.post("/api/admin/flags", "{\"name\":\"a\"}", "X-Request-Id", "req-create-1");
    editor.post("/api/admin/flags/a/toggle", null);
    editor.put("/api/admin/flags/a/rollout", "{\"rolloutPercentage\":10}");
    editor.patch("/api/admin/flags/a", "{\"description\":\"d\"}");
    editor.delete("/api/admin/flags/a");

    List<JsonNode> entries = entries("?flag=a");
    assertThat(entries.stream().map(e -> e.get("action").asString()))
        .containsExactly(
            "FLAG_DELETED", "FLAG_UPDATED", "FLAG_ROLLOUT_CHANGED", "FLAG_TOGGLED", "FLAG_CREATED");
    JsonNode created = entries.get(4);
    assertThat(created.get("actorEmail").asString()).isEqualTo(TestAccounts.EDITOR_EMAIL);
    assertThat(created.get("targetType").asString()).isEqualTo("FLAG");
    assertThat(created.get("target").asString()).isEqualTo("a");
    assertThat(created.get("before").isNull()).isTrue();
    assertThat(created.get("after").get("enabled").asBoolean()).isFalse();
    assertThat(created.get("clientRequestId").asString()).isEqualTo("req-create-1");
    assertThat(created.get("requestId").asString()).hasSize(36).isNotEqualTo("req-create-1");
    JsonNode toggled = entries.get(3);
    assertThat(toggled.get("before").get("enabled").asBoolean()).isFalse();
    assertThat(toggled.get("after").get("enabled").asBoolean()).isTrue();
    assertThat(toggled.get("after").get("version").asLong())
        .isGreaterThan(toggled.get("before").get("version").asLong());
    JsonNode deleted = entries.get(0);
    assertThat(deleted.get("after").isNull()).isTrue();
    assertThat(deleted.get("before").get("description").asString()).isEqualTo("d");
  }

  @Test
  void aFlagsRecordedState_isItsWireForm_theJsonTheApiAnswersWith() {
    editor.post(
        "/api/admin/flags",
        "{\"name\":\"a\",\"description\":\"é \\\"q\\\"\",\"metadata\":{\"n\":[1,2.5,true],\"o\":{}}}");
    JsonNode answered = viewer.get("/api/admin/flags/a").json();

    JsonNode recorded = entries("?flag=a").get(0).get("after");
    assertThat(recorded).isEqualTo(answered);
    Flag read = FlagChangeJson.flagFromJson(recorded.toString());
    assertThat(JSON.readTree(FlagChangeJson.flagToJson(read)))
        .as("what the topic and the snapshot carry")
        .isEqualTo(recorded);
    assertThat(read.metadata()).containsEntry("o", Map.of());
  }

  @Test
  void requestIds_areTheServers_andTheCallersIsRecordedBesideIt() {
    Response created =
        editor.post("/api/admin/flags", "{\"name\":\"a\"}", "X-Request-Id", "abc-123");
    String serverId = created.header("X-Request-Id").orElseThrow();
    assertThat(serverId).hasSize(36).isNotEqualTo("abc-123");
    JsonNode entry = entries("?flag=a").get(0);
    assertThat(entry.get("requestId").asString()).isEqualTo(serverId);
    assertThat(entry.get("clientRequestId").asString()).isEqualTo("abc-123");

    editor.post("/api/admin/flags/a/toggle", null, "X-Request-Id", serverId);
    JsonNode reused = entries("?flag=a").get(0);
    assertThat(reused.get("requestId").asString())
        .as("a caller cannot pass its request off as another")
        .isNotEqualTo(serverId);

    editor.post("/api/admin/flags/a/toggle", null, "X-Request-Id", "bad id with spaces");
    assertThat(entries("?flag=a").get(0).get("clientRequestId").isNull()).isTrue();
  }

  @Test
  void filters_byFlagActorActionAndTime_withPages() {
    String before = Instant.now().minusSeconds(1).toString();
    editor.post("/api/admin/flags", "{\"name\":\"a\"}");
    admin.post("/api/admin/flags", "{\"name\":\"b\"}");
    editor.post("/api/admin/flags/a/toggle", null);
    String editorId = editor.get("/api/auth/me").json().get("id").asString();

    assertThat(entries("?actor=" + editorId)).hasSize(2);
    assertThat(entries("?action=FLAG_CREATED")).hasSize(2);
    assertThat(entries("?flag=b&action=FLAG_CREATED")).hasSize(1);
    assertThat(entries("?from=" + before)).hasSize(3);
    assertThat(entries("?to=" + before)).isEmpty();

    Response first = viewer.get("/api/admin/audit?limit=2");
    assertThat(first.json().size()).isEqualTo(2);
    String link = first.header("Link").orElseThrow();
    Response second = viewer.get(link.substring(link.indexOf("/api/"), link.indexOf('>')));
    assertThat(second.json().size()).isEqualTo(1);
    assertThat(second.json().get(0).get("id").asLong())
        .isLessThan(first.json().get(1).get("id").asLong());
  }

  @Test
  void filters_refuseBadValues() {
    invalid(viewer.get("/api/admin/audit?actor=bob"), "actor");
    invalid(viewer.get("/api/admin/audit?action=FLAG_EATEN"), "action");
    invalid(viewer.get("/api/admin/audit?from=yesterday"), "from");
    invalid(viewer.get("/api/admin/audit?to=2026-13-01"), "to");
    invalid(
        viewer.get(
            "/api/admin/audit?cursor=" + Base64.getUrlEncoder().encodeToString("x".getBytes())),
        "cursor");
  }

  @Test
  void noApiChangesTheLog_andTheDatabaseRefusesToo() {
    editor.post("/api/admin/flags", "{\"name\":\"a\"}");
    problem(unchanged(() -> admin.delete("/api/admin/audit")), 405);
    problem(unchanged(() -> admin.patch("/api/admin/audit", "{}")), 405);
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET target = 'x'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
        .as("even for the table's owner")
        .hasMessageContaining("append-only");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isOne();
  }

  @Test
  void revert_restoresTheRecordedState_asANewAuditedChange() {
    editor.post("/api/admin/flags", "{\"name\":\"a\",\"enabled\":true,\"rolloutPercentage\":10}");
    long goodState = entries("?flag=a").get(0).get("id").asLong();
    editor.put("/api/admin/flags/a/rollout", "{\"rolloutPercentage\":90}");
    editor.post("/api/admin/flags/a/toggle", null);

    Response reverted = editor.post("/api/admin/flags/a/revert", "{\"auditId\":" + goodState + "}");
    assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
    assertThat(reverted.json().get("enabled").asBoolean()).isTrue();
    assertThat(reverted.json().get("rolloutPercentage").asInt()).isEqualTo(10);
    JsonNode entry = entries("?flag=a").get(0);
    assertThat(entry.get("action").asString()).isEqualTo("FLAG_REVERTED");
    assertThat(entry.get("before").get("rolloutPercentage").asInt()).isEqualTo(90);
  }

  @Test
  void revert_ofADeletion_bringsTheFlagBack() {
    editor.post(
        "/api/admin/flags", "{\"name\":\"a\",\"description\":\"precious\",\"metadata\":{\"k\":1}}");
    editor.delete("/api/admin/flags/a");
    long deletion = entries("?flag=a&action=FLAG_DELETED").get(0).get("id").asLong();

    Response restored = editor.post("/api/admin/flags/a/revert", "{\"auditId\":" + deletion + "}");
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("description").asString()).isEqualTo("precious");
    assertThat(restored.json().get("metadata").get("k").asInt()).isEqualTo(1);
    assertThat(admin.get("/api/admin/flags/a").status()).isEqualTo(200);
  }

  @Test
  void tokenAndUserChanges_areAuditedWithoutSecrets() {
    Response token = viewer.post("/api/auth/tokens", "{\"name\":\"audited\"}");
    String secret = token.json().get("token").asString();
    JsonNode entry = admin.get("/api/admin/audit?action=TOKEN_CREATED").json().get(0);
    assertThat(entry.get("targetType").asString()).isEqualTo("TOKEN");
    assertThat(entry.toString()).doesNotContain(secret);
    assertThat(entry.get("after").get("prefix").asString()).isEqualTo(secret.substring(0, 12));
  }
}
