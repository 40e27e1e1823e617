package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.contracts.change.RevisionToken;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FlagApiIT extends AdminServiceIntegration {
  private static final String LISTED = "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c";

  private JsonNode create(String json) {
    Response response = editor.post("/api/admin/flags", json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  @Test
  void list_onANewInstall_isAnEmptyArray() {
    Response response = admin.get("/api/admin/flags");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
    assertThat(response.header("Link")).isEmpty();
  }

  @Test
  void create_appliesTheDatabaseDefaults_andAnswersWithLocationAndETag() {
    Response response = editor.post("/api/admin/flags", "{\"name\":\"metmap-ai-copilot\"}");
    assertThat(response.status()).isEqualTo(201);
    JsonNode flag = response.json();
    assertThat(flag.get("name").asString()).isEqualTo("metmap-ai-copilot");
    assertThat(flag.get("enabled").asBoolean()).isFalse();
    assertThat(flag.get("rolloutPercentage").asInt()).isEqualTo(100);
    assertThat(flag.get("userAllowlist").size()).isZero();
    assertThat(flag.get("metadata").size()).isZero();
    assertThat(flag.get("createdBy").asString()).isNotBlank();
    assertThat(response.header("Location")).contains("/api/admin/flags/metmap-ai-copilot");
    assertThat(response.header("ETag")).contains("\"" + flag.get("version").asLong() + "\"");
    assertThat(admin.get("/api/admin/flags/metmap-ai-copilot").json()).isEqualTo(flag);
  }

  @Test
  void create_takesEveryWritableField() {
    JsonNode flag =
        create(
            "{\"name\":\"checkout.v2\",\"description\":\"New checkout\",\"enabled\":true,"
                + "\"rolloutPercentage\":25,\"userAllowlist\":[\""
                + LISTED
                + "\"],\"metadata\":{\"owner\":\"payments\",\"tags\":[\"web\"]}}");
    assertThat(flag.get("description").asString()).isEqualTo("New checkout");
    assertThat(flag.get("enabled").asBoolean()).isTrue();
    assertThat(flag.get("rolloutPercentage").asInt()).isEqualTo(25);
    assertThat(flag.get("userAllowlist").get(0).asString()).isEqualTo(LISTED);
    assertThat(flag.get("metadata").get("tags").get(0).asString()).isEqualTo("web");
    var row =
        jdbc.sql("SELECT enabled, rollout_percentage, metadata::text AS m FROM feature_flags")
            .query()
            .singleRow();
    assertThat(row.get("rollout_percentage")).isEqualTo(25);
    assertThat((String) row.get("m")).contains("payments");
  }

  @Test
  void versions_increaseWithEveryChange_alsoAcrossDeleteAndRecreate() {
    long v1 = create("{\"name\":\"a\"}").get("version").asLong();
    long v2 = editor.post("/api/admin/flags/a/toggle", null).json().get("version").asLong();
    long v3 =
        editor
            .put("/api/admin/flags/a/rollout", "{\"rolloutPercentage\":5}")
            .json()
            .get("version")
            .asLong();
    assertThat(editor.delete("/api/admin/flags/a").status()).isEqualTo(204);
    long v4 = create("{\"name\":\"a\"}").get("version").asLong();
    assertThat(v1).isLessThan(v2);
    assertThat(v2).isLessThan(v3);
    assertThat(v3).isLessThan(v4);
  }

  @Test
  void patch_changesOnlyTheFieldsGiven_andNullClears() {
    create("{\"name\":\"a\",\"description\":\"d\",\"metadata\":{\"k\":1},\"enabled\":true}");
    JsonNode patched =
        editor
            .patch(
                "/api/admin/flags/a",
                "{\"userAllowlist\":[\"" + LISTED + "\"],\"description\":null}")
            .json();
    assertThat(patched.get("userAllowlist").get(0).asString()).isEqualTo(LISTED);
    assertThat(patched.get("description").asString()).isEmpty();
    assertThat(patched.get("metadata").get("k").asInt()).isEqualTo(1);
    assertThat(patched.get("enabled").asBoolean()).isTrue();
    JsonNode merged =
        editor
            .patch(
                "/api/admin/flags/a",
                "{\"metadata\":{\"k\":2}}",
                "Content-Type",
                "application/merge-patch+json")
            .json();
    assertThat(merged.get("metadata").get("k").asInt()).isEqualTo(2);
  }

  @Test
  void toggle_flipsWithoutABody_orSetsTheValueGiven() {
    create("{\"name\":\"a\"}");
    assertThat(editor.post("/api/admin/flags/a/toggle", null).json().get("enabled").asBoolean())
        .isTrue();
    assertThat(editor.post("/api/admin/flags/a/toggle", null).json().get("enabled").asBoolean())
        .isFalse();
    assertThat(
            editor
                .post("/api/admin/flags/a/toggle", "{\"enabled\":true}")
                .json()
                .get("enabled")
                .asBoolean())
        .isTrue();
    assertThat(
            editor
                .post("/api/admin/flags/a/toggle", "{\"enabled\":true}")
                .json()
                .get("enabled")
                .asBoolean())
        .isTrue();
  }

  @Test
  void rollout_setsThePercentage() {
    create("{\"name\":\"a\"}");
    Response response = editor.put("/api/admin/flags/a/rollout", "{\"rolloutPercentage\":0}");
    assertThat(response.json().get("rolloutPercentage").asInt()).isZero();
    assertThat(response.header("ETag"))
        .contains("\"" + response.json().get("version").asLong() + "\"");
  }

  @Test
  void everyWrite_answersWithTheRevisionTokenOfItsChange() {
    Response created = editor.post("/api/admin/flags", "{\"name\":\"a\"}");
    assertRevision(created);
    assertThat(created.header("Flagstream-Revision"))
        .contains("a@" + created.json().get("version").asLong());
    assertRevision(editor.patch("/api/admin/flags/a", "{\"description\":\"d\"}"));
    assertRevision(editor.post("/api/admin/flags/a/toggle", null));
    assertRevision(editor.put("/api/admin/flags/a/rollout", "{\"rolloutPercentage\":5}"));
    long firstState =
        jdbc.sql("SELECT min(id) FROM audit_log WHERE target = 'a'").query(Long.class).single();
    Response reverted =
        editor.post("/api/admin/flags/a/revert", "{\"auditId\":" + firstState + "}");
    assertRevision(reverted);

    long last = reverted.json().get("version").asLong();
    Response deleted = editor.delete("/api/admin/flags/a");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.header("Flagstream-Revision")).contains("a@" + last + ":deleted");
    assertThat(RevisionToken.parseAll(deleted.header("Flagstream-Revision").orElseThrow()))
        .containsExactly(RevisionToken.deletedAt("a", last));

    assertThat(admin.get("/api/admin/flags").header("Flagstream-Revision"))
        .as("reads change nothing, so they name no change")
        .isEmpty();
    assertThat(
            unchanged(() -> editor.post("/api/admin/flags/nope/toggle", null))
                .header("Flagstream-Revision"))
        .isEmpty();
  }

  /** The write answered with the token of the version it returned. */
  private static void assertRevision(Response response) {
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
    JsonNode flag = response.json();
    RevisionToken expected =
        RevisionToken.written(flag.get("name").asString(), flag.get("version").asLong());
    assertThat(response.header("Flagstream-Revision")).contains(expected.toString());
  }

  @Test
  void delete_removesTheFlag() {
    create("{\"name\":\"a\"}");
    assertThat(editor.delete("/api/admin/flags/a").status()).isEqualTo(204);
    problem(admin.get("/api/admin/flags/a"), 404);
    assertThat(jdbc.sql("SELECT count(*) FROM feature_flags").query(Long.class).single()).isZero();
  }

  @Test
  void missingFlags_are404_forEveryOperation() {
    problem(viewer.get("/api/admin/flags/nope"), 404);
    problem(unchanged(() -> editor.patch("/api/admin/flags/nope", "{\"description\":\"x\"}")), 404);
    problem(unchanged(() -> editor.post("/api/admin/flags/nope/toggle", null)), 404);
    problem(
        unchanged(() -> editor.put("/api/admin/flags/nope/rollout", "{\"rolloutPercentage\":1}")),
        404);
    problem(unchanged(() -> editor.delete("/api/admin/flags/nope")), 404);
    problem(viewer.get("/api/admin/flags/nope/evaluate?userId=u"), 404);
  }

  @Test
  void duplicateNames_are409_andChangeNothing() {
    create("{\"name\":\"a\",\"description\":\"first\"}");
    JsonNode body =
        problem(unchanged(() -> editor.post("/api/admin/flags", "{\"name\":\"a\"}")), 409);
    assertThat(body.get("detail").asString()).contains("'a' already exists");
  }

  @Test
  void staleIfMatch_is412_andChangesNothing() {
    JsonNode flag = create("{\"name\":\"a\"}");
    String stale = "\"" + flag.get("version").asLong() + "\"";
    Response changed = editor.post("/api/admin/flags/a/toggle", null, "If-Match", stale);
    assertThat(changed.status()).isEqualTo(200);
    String current = changed.header("ETag").orElseThrow();

    problem(
        unchanged(() -> editor.post("/api/admin/flags/a/toggle", null, "If-Match", stale)), 412);
    problem(
        unchanged(
            () -> editor.patch("/api/admin/flags/a", "{\"description\":\"x\"}", "If-Match", stale)),
        412);
    problem(
        unchanged(
            () ->
                editor.put(
                    "/api/admin/flags/a/rollout", "{\"rolloutPercentage\":1}", "If-Match", stale)),
        412);
    problem(unchanged(() -> editor.delete("/api/admin/flags/a", "If-Match", stale)), 412);
    problem(unchanged(() -> editor.delete("/api/admin/flags/a", "If-Match", "W/" + current)), 412);
    problem(unchanged(() -> editor.delete("/api/admin/flags/gone", "If-Match", "*")), 412);

    assertThat(
            editor
                .patch(
                    "/api/admin/flags/a",
                    "{\"description\":\"x\"}",
                    "If-Match",
                    stale + ", " + current)
                .status())
        .isEqualTo(200);
    assertThat(editor.delete("/api/admin/flags/a", "If-Match", "*").status()).isEqualTo(204);
  }

  @Test
  void list_searchesNames_andPagesThroughLinkHeaders() {
    for (String name :
        new String[] {"checkout-a", "checkout-b", "checkout-c", "search_1", "search%1"}) {
      create("{\"name\":\"" + name.replace("%", "-") + "\"}");
    }
    Response first = viewer.get("/api/admin/flags?q=checkout&limit=2");
    assertThat(first.json().valueStream().map(f -> f.get("name").asString()))
        .containsExactly("checkout-a", "checkout-b");
    String link = first.header("Link").orElseThrow();
    assertThat(link).endsWith(">; rel=\"next\"");
    String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
    Response second = viewer.get(next);
    assertThat(second.json().valueStream().map(f -> f.get("name").asString()))
        .containsExactly("checkout-c");
    assertThat(second.header("Link")).isEmpty();

    assertThat(
            viewer
                .get("/api/admin/flags?q=_")
                .json()
                .valueStream()
                .map(f -> f.get("name").asString()))
        .as("_ is a character, not a wildcard")
        .containsExactly("search_1");
  }

  @Test
  void list_refusesBadPagingParameters() {
    invalid(viewer.get("/api/admin/flags?limit=0"), "limit");
    invalid(viewer.get("/api/admin/flags?limit=1001"), "limit");
    invalid(viewer.get("/api/admin/flags?limit=ten"), "limit");
    invalid(viewer.get("/api/admin/flags?cursor=***"), "cursor");
  }

  @Test
  void evaluate_previewsTheContractsEvaluation() {
    create(
        "{\"name\":\"gr1\",\"enabled\":true,\"rolloutPercentage\":73,\"userAllowlist\":[\""
            + LISTED
            + "\"]}");
    JsonNode inRollout = viewer.get("/api/admin/flags/gr1/evaluate?userId=123").json();
    assertThat(inRollout.get("value").asBoolean()).isTrue();
    assertThat(inRollout.get("reason").asString()).isEqualTo("IN_ROLLOUT");
    assertThat(inRollout.get("bucket").asInt()).as("Unleash's 73 for (123, gr1)").isEqualTo(72);
    JsonNode listed = viewer.get("/api/admin/flags/gr1/evaluate?userId=" + LISTED).json();
    assertThat(listed.get("reason").asString()).isEqualTo("ALLOWLISTED");
    assertThat(listed.get("bucket").isNumber()).isTrue();
    JsonNode anonymousUser = viewer.get("/api/admin/flags/gr1/evaluate").json();
    assertThat(anonymousUser.get("reason").asString()).isEqualTo("NO_USER");
    assertThat(anonymousUser.get("bucket").isNull()).isTrue();
  }
}
