package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenApiIT extends AdminServiceIntegration {

  private JsonNode createToken(String json) {
    Response response = viewer.post("/api/auth/tokens", json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    return response.json();
  }

  @Test
  void create_showsTheSecretOnce_storesOnlyItsHash_andTheTokenWorks() {
    String expiry =
        Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonNode created = createToken("{\"name\":\"ci\",\"expiresAt\":\"" + expiry + "\"}");
    String secret = created.get("token").asString();
    assertThat(secret).startsWith("fst_").hasSizeGreaterThan(40);
    assertThat(created.get("prefix").asString()).isEqualTo(secret.substring(0, 12));
    assertThat(created.get("expiresAt").asString()).isEqualTo(expiry);

    String stored =
        jdbc.sql("SELECT row_to_json(t)::text FROM api_tokens t WHERE name = 'ci'")
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(secret).doesNotContain(secret.substring(4));

    assertThat(viewer.get("/api/auth/tokens").json().valueStream())
        .anySatisfy(t -> assertThat(t.get("name").asString()).isEqualTo("ci"))
        .allSatisfy(t -> assertThat(t.get("token").isNull()).isTrue());

    var me = anonymous.as(secret).get("/api/auth/me").json();
    assertThat(me.get("email").asString()).isEqualTo(TestAccounts.VIEWER_EMAIL);
    assertThat(me.get("role").asString()).isEqualTo("VIEWER");
    assertThat(
            jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_tokens WHERE name = 'ci'")
                .query(Boolean.class)
                .single())
        .as("last_used_at is tracked")
        .isTrue();
  }

  @Test
  void revoke_stopsTheToken_andIsAudited() {
    JsonNode created = createToken("{\"name\":\"short-lived\"}");
    String secret = created.get("token").asString();
    Response revoked = viewer.delete("/api/auth/tokens/" + created.get("id").asString());
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
    problem(anonymous.as(secret).get("/api/auth/me"), 401);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'TOKEN_REVOKED'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void othersTokens_areInvisible_exceptToAdmins() {
    JsonNode created = createToken("{\"name\":\"mine\"}");
    String id = created.get("id").asString();
    problem(unchanged(() -> editor.delete("/api/auth/tokens/" + id)), 404);
    assertThat(editor.get("/api/auth/tokens").json().valueStream())
        .noneSatisfy(t -> assertThat(t.get("id").asString()).isEqualTo(id));
    problem(editor.get("/api/auth/tokens?all=true"), 403);
    assertThat(admin.get("/api/auth/tokens?all=true").json().valueStream())
        .anySatisfy(t -> assertThat(t.get("id").asString()).isEqualTo(id));
    assertThat(admin.delete("/api/auth/tokens/" + id).status()).isEqualTo(200);
  }

  @Test
  void create_refusesBadInput() {
    invalid(unchanged(() -> viewer.post("/api/auth/tokens", "{}")), "name");
    invalid(unchanged(() -> viewer.post("/api/auth/tokens", "{\"name\":\" \"}")), "name");
    invalid(
        unchanged(() -> viewer.post("/api/auth/tokens", "{\"name\":\"" + "n".repeat(101) + "\"}")),
        "name");
    invalid(
        unchanged(
            () ->
                viewer.post(
                    "/api/auth/tokens", "{\"name\":\"x\",\"expiresAt\":\"2000-01-01T00:00:00Z\"}")),
        "expiresAt");
    invalid(
        unchanged(() -> viewer.post("/api/auth/tokens", "{\"name\":\"x\",\"expiresAt\":\"soon\"}")),
        "expiresAt");
    invalid(
        unchanged(() -> viewer.post("/api/auth/tokens", "{\"name\":\"x\",\"role\":\"ADMIN\"}")),
        "role");
    invalid(unchanged(() -> viewer.delete("/api/auth/tokens/not-a-uuid")), "id");
  }
}
