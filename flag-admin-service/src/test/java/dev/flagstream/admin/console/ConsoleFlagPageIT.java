package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.flag.Flag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A flag's page: its edits, preview, history, revert and delete, by role. */
class ConsoleFlagPageIT extends AdminServiceIntegration {
  private static final String USER = "0b8a7c1e-5f0a-4d5e-9d63-0c3a8e2f6b11";

  @BeforeEach
  void aFlag() {
    assertThat(
            admin
                .post(
                    "/api/admin/flags",
                    "{\"name\":\"checkout-v2\",\"description\":\"New checkout\",\"rolloutPercentage\":30}")
                .status())
        .isEqualTo(201);
  }

  private ConsoleBrowser editor() {
    ConsoleBrowser editor =
        ConsoleBrowser.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD);
    editor.open("/flags/checkout-v2");
    return editor;
  }

  private String etag() {
    return admin.get("/api/admin/flags/checkout-v2").header("ETag").orElseThrow();
  }

  private JsonNode stored() {
    return admin.get("/api/admin/flags/checkout-v2").json();
  }

  @Test
  void page_viewer_showsTheFlagAndItsHistoryWithoutEditControls() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    String page = viewer.open("/flags/checkout-v2");

    assertThat(page)
        .contains(
            "checkout-v2", "30 % of users", "New checkout", "data-testid=\"history\"", "created");
    assertThat(page)
        .doesNotContain(
            "Save rollout", "Save allowlist", "Delete this flag", "Revert to this", "Turn on");
  }

  @Test
  void page_unknownFlag_says404() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);

    Response page = viewer.navigate("/flags/nothing-here").response();

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("No flag named nothing-here");
  }

  @Test
  void rollout_saved_isStoredAndAudited() {
    ConsoleBrowser editor = editor();

    Response saved =
        editor.submit("/flags/checkout-v2/rollout", "rollout", "75", "version", etag());

    assertThat(saved.status()).isEqualTo(302);
    assertThat(stored().get("rolloutPercentage").asInt()).isEqualTo(75);
    assertThat(editor.open("/flags/checkout-v2")).contains("Rollout", "30 %", "75 %");
  }

  @Test
  void rollout_outOfRange_showsTheApisReasonAndChangesNothing() {
    ConsoleBrowser editor = editor();

    Response refused =
        unchanged(
            () -> editor.submit("/flags/checkout-v2/rollout", "rollout", "140", "version", etag()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("class=\"error\"");
  }

  @Test
  void preview_typedUser_answersTheContractsEvaluationAtTheSlidersRollout() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    Flag flag = Flag.builder("checkout-v2").enabled(true).rolloutPercentage(64).build();
    CompiledFlag compiled = CompiledFlag.of(flag);

    Response preview =
        viewer.get("/flags/checkout-v2/preview?userId=user-42&rollout=64", "HX-Request", "true");

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body())
        .startsWith("<p")
        .contains(
            "user-42",
            "bucket <span>" + compiled.bucket("user-42") + "</span>",
            "at <span>64</span> %");
  }

  @Test
  void settings_invalidMetadata_showsTheReasonByTheFieldAndChangesNothing() {
    ConsoleBrowser editor = editor();

    Response notJson =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/settings",
                    "description",
                    "x",
                    "metadata",
                    "{not json",
                    "version",
                    etag()));
    Response notObject =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/settings",
                    "description",
                    "x",
                    "metadata",
                    "[1,2]",
                    "version",
                    etag()));

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body())
        .contains("data-testid=\"metadata-error\"", "is not valid JSON", "{not json");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.body())
        .contains("data-testid=\"metadata-error\"", "must be a JSON object");
  }

  @Test
  void settings_saved_changeDescriptionAndMetadata() {
    ConsoleBrowser editor = editor();

    Response saved =
        editor.submit(
            "/flags/checkout-v2/settings",
            "description",
            "Checkout, take two",
            "metadata",
            "{\"critical\": true}",
            "version",
            etag());

    assertThat(saved.status()).isEqualTo(302);
    assertThat(stored().get("description").asString()).isEqualTo("Checkout, take two");
    assertThat(stored().get("metadata").get("critical").asBoolean()).isTrue();
  }

  @Test
  void settings_flagChangedMeanwhile_showsTheirsKeepsMineAndOverwritesNothing() {
    ConsoleBrowser editor = editor();
    String seen = etag();
    assertThat(admin.patch("/api/admin/flags/checkout-v2", "{\"description\":\"Theirs\"}").status())
        .isEqualTo(200);
    String theirs = etag();

    Response conflict =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/settings",
                    "description",
                    "Mine",
                    "metadata",
                    "{}",
                    "version",
                    seen));

    assertThat(conflict.status()).isEqualTo(412);
    assertThat(conflict.body())
        .contains(
            "Someone changed this flag",
            "Theirs",
            "value=\"Mine\"",
            "value=\"" + theirs.replace("\"", "&quot;") + "\"");
    Response again =
        editor.submit(
            "/flags/checkout-v2/settings",
            "description",
            "Mine",
            "metadata",
            "{}",
            "version",
            theirs);
    assertThat(again.status()).isEqualTo(302);
    assertThat(stored().get("description").asString()).isEqualTo("Mine");
  }

  @Test
  void allowlist_invalidLines_areNamedByLineAndNothingChanges() {
    ConsoleBrowser editor = editor();

    Response refused =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/allowlist",
                    "allowlist",
                    USER + "\nnot-a-uuid\n",
                    "version",
                    etag()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("data-testid=\"allowlist-errors\"", "Line 2: &#39;not-a-uuid&#39;");
  }

  @Test
  void allowlist_pastedIds_areStored() {
    ConsoleBrowser editor = editor();

    editor.submit("/flags/checkout-v2/allowlist", "allowlist", USER + "\n", "version", etag());

    assertThat(stored().get("userAllowlist").get(0).asString()).isEqualTo(USER);
  }

  @Test
  void revert_fromHistory_asksThenRestoresTheRecordedState() {
    ConsoleBrowser editor = editor();
    admin.put("/api/admin/flags/checkout-v2/rollout", "{\"rolloutPercentage\":90}");
    long created =
        admin
            .get("/api/admin/audit?flag=checkout-v2&action=FLAG_CREATED")
            .json()
            .get(0)
            .get("id")
            .asLong();
    editor.open("/flags/checkout-v2");

    Response asked =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/revert",
                    "auditId",
                    Long.toString(created),
                    "version",
                    etag()));
    assertThat(asked.body())
        .contains("Revert checkout-v2?", "Back to the state recorded by entry " + created);
    Response reverted =
        editor.submit(
            "/flags/checkout-v2/revert",
            "auditId",
            Long.toString(created),
            "version",
            etag(),
            "confirm",
            "checkout-v2");

    assertThat(reverted.status()).isEqualTo(302);
    assertThat(stored().get("rolloutPercentage").asInt()).isEqualTo(30);
  }

  @Test
  void delete_needsTheNameTyped() {
    ConsoleBrowser editor = editor();

    Response asked = unchanged(() -> editor.submit("/flags/checkout-v2/delete", "version", etag()));
    assertThat(asked.body()).contains("Delete checkout-v2?", "data-testid=\"confirm-name\"");
    Response wrong =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/delete", "version", etag(), "confirm", "checkout"));
    assertThat(wrong.status()).isEqualTo(400);
    Response deleted =
        editor.submit("/flags/checkout-v2/delete", "version", etag(), "confirm", "checkout-v2");

    assertThat(deleted.status()).isEqualTo(302);
    assertThat(admin.get("/api/admin/flags/checkout-v2").status()).isEqualTo(404);
  }

  @Test
  void delete_viewerForgingTheForm_isRefused() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    viewer.open("/flags/checkout-v2");

    Response refused =
        unchanged(
            () ->
                viewer.submit(
                    "/flags/checkout-v2/delete", "version", etag(), "confirm", "checkout-v2"));

    assertThat(refused.status()).isEqualTo(403);
  }
}
