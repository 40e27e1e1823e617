package dev.flagstream.admin.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Browser;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An SSO-only deployment: password sign-in is off, API tokens and single sign-on work. */
@TestPropertySource(properties = "flags.sso.password-login=false")
class SsoOnlyIT extends SsoIntegration {

  @Test
  void passwordSignIn_isRefusedWithAProblem_evenWithTheRightPassword_andChangesNothing() {
    Response refused =
        unchanged(
            () ->
                anonymous.post(
                    "/api/auth/login",
                    "{\"email\":\""
                        + TestAccounts.ADMIN_EMAIL
                        + "\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\"}"));

    assertThat(problem(refused, 403).get("detail").asString())
        .contains("password sign-in is turned off")
        .contains("Test Provider");
    assertThat(refused.headerValues("Set-Cookie")).isEmpty();
    assertThat(anonymous.get("/api/auth/providers").json().get("password").asBoolean()).isFalse();
  }

  @Test
  void apiTokens_theBootstrapTokenAmongThem_keepWorking() {
    assertThat(admin.get("/api/auth/me").json().get("email").asString())
        .isEqualTo(TestAccounts.ADMIN_EMAIL);
    assertThat(viewer.get("/api/admin/flags").status()).isEqualTo(200);
  }

  @Test
  void singleSignOn_stillSignsPeopleIn() {
    String name = someone("sso-only");
    provider.person(name, name + "@idp.example", "flagstream-editors");
    Browser browser = new Browser();

    assertThat(signIn(browser, name).callback().response().status()).isEqualTo(302);

    Response me = browser.fetch("GET", adminUri("/api/auth/me"), null);
    assertThat(me.json().get("role").asString()).isEqualTo("EDITOR");
    assertThat(me.json().get("authenticatedBy").asString()).isEqualTo("SSO");
  }

  @Test
  void consoleLogin_offersOnlyTheProvider_andRefusesAPostedPassword() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    String page = browser.open("/login");
    assertThat(page).contains("Sign in with Test Provider").doesNotContain("name=\"password\"");

    // with a valid CSRF token, so that what refuses it is the closed password sign-in
    assertThat(browser.get("/api/auth/csrf").status()).isEqualTo(204);
    Response refused =
        unchanged(
            () ->
                browser.htmx(
                    "/login",
                    "email",
                    TestAccounts.ADMIN_EMAIL,
                    "password",
                    TestAccounts.PASSWORD));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Sign in with your organisation");
    assertThat(refused.headerValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("FLAGSTREAM_SESSION="));
  }
}
