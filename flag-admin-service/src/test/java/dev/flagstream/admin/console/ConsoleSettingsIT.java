package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings: tokens shown once and revoked, sessions ended, the password changed. */
class ConsoleSettingsIT extends AdminServiceIntegration {
  private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">(fst_[^<]+)<");
  private static final Pattern END = Pattern.compile("action=\"(/settings/sessions/[^/\"]+/end)\"");

  @Test
  void token_createdOnce_worksAndIsGoneOnceRevoked() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    viewer.open("/settings");

    Response created = viewer.submit("/settings/tokens", "name", "deploy script");
    Matcher secret = NEW_TOKEN.matcher(created.body());
    assertThat(secret.find()).as(created.body()).isTrue();
    Api withToken = new Api(port).as(secret.group(1));
    assertThat(withToken.get("/api/auth/me").status()).isEqualTo(200);
    String listed = viewer.open("/settings");
    assertThat(listed).contains("deploy script").doesNotContain(secret.group(1));
    Matcher revoke =
        Pattern.compile(
                "action=\"(/settings/tokens/[^\"]+/revoke)\"[^>]*>\\s*<input[^>]*>\\s*"
                    + "<button[^>]*aria-label=\"Revoke deploy script\"")
            .matcher(listed);
    assertThat(revoke.find()).as(listed).isTrue();

    Response revoked = viewer.submit(revoke.group(1));

    assertThat(revoked.status()).isEqualTo(302);
    assertThat(withToken.get("/api/auth/me").status()).isEqualTo(401);
  }

  @Test
  void sessions_oneEndedThenAllOthers_signsTheOtherBrowserOut() {
    ConsoleBrowser here =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    ConsoleBrowser there =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    String settings = here.open("/settings");
    assertThat(settings).contains("this one");
    long others = END.matcher(settings).results().count();
    Matcher end = END.matcher(settings);
    assertThat(end.find()).as(settings).isTrue();

    assertThat(here.submit(end.group(1)).status()).isEqualTo(302);
    assertThat(END.matcher(here.open("/settings")).results().count()).isEqualTo(others - 1);
    assertThat(here.submit("/settings/sessions/end-others").status()).isEqualTo(302);

    assertThat(there.get("/flags").status()).isEqualTo(302);
    assertThat(here.get("/flags").status()).isEqualTo(200);
  }

  @Test
  void password_wrongCurrentOne_isNamedByItsFieldAndChangesNothing() {
    ConsoleBrowser viewer =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    viewer.open("/settings");

    Response refused =
        viewer.submit(
            "/settings/password",
            "currentPassword",
            "not my password",
            "newPassword",
            "another long passphrase of mine");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Current password is not your current password");
    // counted as a failed sign-in, as through the API, but the password stays
    ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
  }

  @Test
  void settings_viewer_seesNoAdminControls() {
    String page =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD)
            .open("/settings");

    assertThat(page)
        .contains("API tokens", "Your sessions", "Password")
        .doesNotContain("Users and roles");
  }
}
