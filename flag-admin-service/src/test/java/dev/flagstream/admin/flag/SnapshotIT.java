package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The snapshot evaluators fall back on: every flag, for a server key and nothing more, at the path
 * and with the entity tag of an evaluator's snapshot.
 */
class SnapshotIT extends AdminServiceIntegration {

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
