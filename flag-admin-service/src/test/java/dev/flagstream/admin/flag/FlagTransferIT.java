package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Export and import of all flags, through the API and the console. */
class FlagTransferIT extends AdminServiceIntegration {
  @Test
  void exportThenImportElsewhere_dryRunChangesNothingAndApplyDoesItAllAtOnce() {
    admin.post(
        "/api/admin/flags",
        "{\"name\":\"checkout\",\"enabled\":true,\"rolloutPercentage\":30,\"metadata\":{\"team\":\"p\"}}");
    admin.post("/api/admin/flags", "{\"name\":\"search\"}");
    String exported = viewer.get("/api/admin/flag-transfer").body();
    admin.delete("/api/admin/flags/search");
    admin.put("/api/admin/flags/checkout/rollout", "{\"rolloutPercentage\":90}");

    Response dryRun =
        unchanged(() -> editor.post("/api/admin/flag-transfer?dryRun=true", exported));
    assertThat(dryRun.status()).isEqualTo(200);
    JsonNode changes = dryRun.json().get("changes");
    assertThat(changes.get(0).get("kind").asString()).isEqualTo("UPDATE");
    assertThat(changes.get(0).get("fields").get(0).asString()).isEqualTo("rolloutPercentage");
    assertThat(changes.get(1).get("kind").asString()).isEqualTo("CREATE");

    Response applied = editor.post("/api/admin/flag-transfer", exported);

    assertThat(applied.status()).isEqualTo(200);
    assertThat(admin.get("/api/admin/flags/checkout").json().get("rolloutPercentage").asInt())
        .isEqualTo(30);
    assertThat(admin.get("/api/admin/flags/search").status()).isEqualTo(200);
    JsonNode audit = admin.get("/api/admin/audit").json();
    assertThat(audit.get(0).get("action").asString()).isEqualTo("FLAGS_IMPORTED");
    assertThat(audit.get(0).get("after").get("created").get(0).asString()).isEqualTo("search");
    assertThat(audit.get(0).get("requestId").asString())
        .isEqualTo(audit.get(1).get("requestId").asString())
        .isEqualTo(audit.get(2).get("requestId").asString());
  }

  @Test
  void import_anInvalidEntry_isRefusedByItsFieldAndNothingIsWritten() {
    Response refused =
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flag-transfer",
                    "{\"flags\":[{\"name\":\"fine\"},{\"name\":\"Not Fine\"},{\"name\":\"fine\"}]}"));

    JsonNode violations = problem(refused, 400).get("violations");
    assertThat(violations.valueStream().map(v -> v.get("field").asString()).toList())
        .containsExactlyInAnyOrder("flags[1].name", "flags[2].name");
  }

  @Test
  void import_viewer_isRefused() {
    Response refused = unchanged(() -> viewer.post("/api/admin/flag-transfer", "{\"flags\":[]}"));

    problem(refused, 403);
  }

  @Test
  void console_switchesFromTheEnvironment_areShownThenImported() {
    ConsoleBrowser editorBrowser =
        ConsoleBrowser.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD);
    editorBrowser.open("/transfer");

    Response preview =
        unchanged(
            () ->
                editorBrowser.submit(
                    "/transfer/preview", "document", "ENABLE_REGISTRATION=true\n"));
    assertThat(preview.body())
        .contains("1 to create, 0 to update, 0 unchanged.", "enable_registration");
    Response applied =
        editorBrowser.submit(
            "/transfer/apply",
            "document",
            "{\"format\":\"flagstream.flags/1\",\"flags\":[{\"name\":\"enable_registration\",\"enabled\":true}]}");

    assertThat(applied.body()).contains("Imported: 1 created, 0 updated, 0 unchanged.");
    assertThat(admin.get("/api/admin/flags/enable_registration").json().get("enabled").asBoolean())
        .isTrue();
  }

  @Test
  void console_viewer_canExportButSeesNoImport() {
    admin.post("/api/admin/flags", "{\"name\":\"checkout\"}");
    ConsoleBrowser viewerBrowser =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);

    assertThat(viewerBrowser.open("/transfer")).doesNotContain("Show what would change");
    Response exported = viewerBrowser.get("/transfer/export.json");
    assertThat(exported.body()).contains("\"checkout\"", "flagstream.flags/1");
    viewerBrowser.open("/flags");
    Response forged =
        unchanged(
            () ->
                viewerBrowser.submit(
                    "/transfer/apply", "document", "{\"flags\":[{\"name\":\"sneaky\"}]}"));
    assertThat(forged.status()).isEqualTo(403);
  }
}
