package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;

/** The flags dashboard: listing, filtering, paging, creating and switching flags, by role. */
class ConsoleFlagsIT extends AdminServiceIntegration {
  private ConsoleBrowser as(String email) {
    return ConsoleBrowser.signedIn(port, email, TestAccounts.PASSWORD);
  }

  private void flag(String name, boolean enabled, int rollout, String metadata) {
    Response created =
        admin.post(
            "/api/admin/flags",
            "{\"name\":\"%s\",\"enabled\":%s,\"rolloutPercentage\":%d,\"metadata\":%s}"
                .formatted(name, enabled, rollout, metadata));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private String etag(String name) {
    return admin.get("/api/admin/flags/" + name).header("ETag").orElseThrow();
  }

  @Test
  void dashboard_noFlags_teachesTheFirstStep() {
    String page = as(TestAccounts.EDITOR_EMAIL).open("/flags");

    assertThat(page).contains("data-testid=\"empty-state\"", "Create your first one");
  }

  @Test
  void dashboard_viewer_seesFlagsButNoControlThatChangesThem() {
    flag("checkout-v2", true, 30, "{}");

    String page = as(TestAccounts.VIEWER_EMAIL).open("/flags");

    assertThat(page).contains("checkout-v2", "30 % of users", "1 flag");
    assertThat(page).doesNotContain("Create a flag", "/toggle", "role=\"switch\"");
  }

  @Test
  void dashboard_editor_seesASwitchPerFlag() {
    flag("checkout-v2", false, 100, "{}");

    String page = as(TestAccounts.EDITOR_EMAIL).open("/flags");

    assertThat(page).contains("Create a flag", "role=\"switch\"", "aria-checked=\"false\"");
  }

  @Test
  void dashboard_filters_showOnlyMatchingFlags() {
    flag("alpha-on", true, 100, "{}");
    flag("beta-off", false, 100, "{}");
    flag("gamma-partial", true, 40, "{}");
    ConsoleBrowser viewer = as(TestAccounts.VIEWER_EMAIL);

    assertThat(viewer.open("/flags?state=off")).contains("beta-off").doesNotContain("alpha-on");
    assertThat(viewer.open("/flags?partial=true"))
        .contains("gamma-partial")
        .doesNotContain("alpha-on", "beta-off");
    assertThat(viewer.open("/flags?q=alp")).contains("alpha-on").doesNotContain("beta-off");
    assertThat(viewer.open("/flags?recent=true")).contains("alpha-on", "beta-off");
    assertThat(viewer.open("/flags?q=nothing-like-it")).contains("No flag matches these filters");
  }

  @Test
  void dashboard_manyFlags_isPagedByName() {
    for (int i = 0; i < FlagsPage.PAGE_SIZE + 5; i++) {
      flag("flag-%03d".formatted(i), false, 100, "{}");
    }
    ConsoleBrowser viewer = as(TestAccounts.VIEWER_EMAIL);

    String first = viewer.open("/flags");
    assertThat(first)
        .contains("55 flags", "flag-049", "after=flag-049")
        .doesNotContain(">flag-050<");
    String second = viewer.open("/flags?after=flag-049");
    assertThat(second).contains("flag-050", "flag-054", "First page").doesNotContain(">flag-049<");
  }

  @Test
  void create_editor_createsTheFlagAndOpensIt() {
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response created =
        editor.submit("/flags", "name", "new-checkout", "description", "The new one");

    assertThat(created.status()).isEqualTo(302);
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/flags/new-checkout"));
    assertThat(admin.get("/api/admin/flags/new-checkout").json().get("description").asString())
        .isEqualTo("The new one");
    assertThat(
            admin.get("/api/admin/audit?flag=new-checkout").json().get(0).get("action").asString())
        .isEqualTo("FLAG_CREATED");
  }

  @Test
  void create_invalidName_showsTheReasonByTheFieldAndChangesNothing() {
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response refused = unchanged(() -> editor.submit("/flags", "name", "no spaces allowed"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"new-name-error\"", "aria-invalid=\"true\"");
  }

  @Test
  void create_viewerForgingTheForm_isRefusedAndChangesNothing() {
    ConsoleBrowser viewer = as(TestAccounts.VIEWER_EMAIL);
    viewer.open("/flags");

    Response refused = unchanged(() -> viewer.submit("/flags", "name", "sneaky"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Your role may not do this.");
  }

  @Test
  void create_withoutTheToken_isRefusedAndChangesNothing() {
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);

    Response refused = unchanged(() -> editor.forge("/flags", "name", "forged"));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void toggle_firstPost_asksForAConfirmationNamingTheFlag() {
    flag("checkout-v2", true, 100, "{}");
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response asked =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/toggle",
                    "enabled",
                    "false",
                    "version",
                    etag("checkout-v2")));

    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("Turn checkout-v2 off?", "name=\"confirm\"");
  }

  @Test
  void toggle_confirmed_switchesTheFlagAndAuditsIt() {
    flag("checkout-v2", true, 100, "{}");
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response done =
        editor.submit(
            "/flags/checkout-v2/toggle",
            "enabled",
            "false",
            "version",
            etag("checkout-v2"),
            "confirm",
            "checkout-v2",
            "back",
            "/flags");

    assertThat(done.status()).isEqualTo(302);
    assertThat(admin.get("/api/admin/flags/checkout-v2").json().get("enabled").asBoolean())
        .isFalse();
    assertThat(
            admin.get("/api/admin/audit?flag=checkout-v2").json().get(0).get("action").asString())
        .isEqualTo("FLAG_TOGGLED");
  }

  @Test
  void toggle_withHtmx_answersTheRowSwitched() {
    flag("checkout-v2", false, 100, "{}");
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response row =
        editor.htmx(
            "/flags/checkout-v2/toggle",
            "enabled",
            "true",
            "version",
            etag("checkout-v2"),
            "confirm",
            "checkout-v2");

    assertThat(row.status()).isEqualTo(200);
    assertThat(row.body())
        .startsWith("<tr")
        .contains("aria-checked=\"true\"")
        .doesNotContain("<html");
  }

  @Test
  void toggle_criticalFlagWithoutItsNameTyped_asksAgainAndChangesNothing() {
    flag("payments", true, 100, "{\"critical\":true}");
    String version = etag("payments");
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");

    Response asked =
        editor.submit("/flags/payments/toggle", "enabled", "false", "version", version);
    assertThat(asked.body())
        .contains("This flag is marked critical", "data-testid=\"confirm-name\"");
    Response wrong =
        unchanged(
            () ->
                editor.submit(
                    "/flags/payments/toggle",
                    "enabled",
                    "false",
                    "version",
                    version,
                    "confirm",
                    "paymnets"));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("Type the flag&#39;s name exactly");
  }

  @Test
  void toggle_flagChangedMeanwhile_showsTheirChangeAndOverwritesNothing() {
    flag("checkout-v2", false, 100, "{}");
    String seen = etag("checkout-v2");
    ConsoleBrowser editor = as(TestAccounts.EDITOR_EMAIL);
    editor.open("/flags");
    assertThat(
            admin
                .put("/api/admin/flags/checkout-v2/rollout", "{\"rolloutPercentage\":20}")
                .status())
        .isEqualTo(200);

    Response stale =
        unchanged(
            () ->
                editor.submit(
                    "/flags/checkout-v2/toggle",
                    "enabled",
                    "true",
                    "version",
                    seen,
                    "confirm",
                    "checkout-v2"));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.body()).contains("Someone changed checkout-v2", "20 % of users");
    assertThat(admin.get("/api/admin/flags/checkout-v2").json().get("enabled").asBoolean())
        .isFalse();
  }

  @Test
  void toggle_viewerForgingTheForm_isRefused() {
    flag("checkout-v2", true, 100, "{}");
    ConsoleBrowser viewer = as(TestAccounts.VIEWER_EMAIL);
    viewer.open("/flags");

    Response refused =
        unchanged(
            () ->
                viewer.submit(
                    "/flags/checkout-v2/toggle", "enabled", "false", "confirm", "checkout-v2"));

    assertThat(refused.status()).isEqualTo(403);
  }
}
