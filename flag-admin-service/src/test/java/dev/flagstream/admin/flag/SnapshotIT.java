package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The snapshot evaluators fall back on: every flag, for a server key and nothing more. */
class SnapshotIT extends AdminServiceIntegration {

  @Test
  void aServerKey_readsEveryFlag_withItsDigest() {
    editor.post("/api/admin/flags", "{\"name\":\"b\",\"enabled\":true}");
    editor.post("/api/admin/flags", "{\"name\":\"a\",\"metadata\":{\"z\":1,\"y\":[true]}}");
    var response = anonymous.as(SERVER_KEY).get("/api/snapshot");
    assertThat(response.status()).isEqualTo(200);
    FlagSnapshot snapshot = FlagSnapshot.fromJson(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(snapshot.flags()).extracting(f -> f.name()).containsExactly("a", "b");
    assertThat(snapshot.revision()).isEqualTo(FlagSnapshot.UNKNOWN_REVISION);
    assertThat(snapshot.digest()).isEqualTo(FlagSnapshot.digestOf(snapshot.flags()));
    assertThat(response.header("ETag")).contains("\"" + snapshot.digest() + "\"");
    assertThat(viewer.get("/api/snapshot").status()).as("people may read it too").isEqualTo(200);
  }

  @Test
  void aServerKey_grantsNothingElse() {
    problem(anonymous.as(SERVER_KEY).get("/api/admin/flags"), 403);
    problem(
        unchanged(() -> anonymous.as(SERVER_KEY).post("/api/admin/flags", "{\"name\":\"x\"}")),
        403);
    problem(anonymous.as(SERVER_KEY).get("/api/auth/me"), 403);
    problem(anonymous.get("/api/snapshot"), 401);
    problem(anonymous.as(SERVER_KEY + "x").get("/api/snapshot"), 401);
  }
}
