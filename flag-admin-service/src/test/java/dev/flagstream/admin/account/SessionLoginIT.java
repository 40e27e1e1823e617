package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Browser sign-in: an HttpOnly, SameSite session cookie, and CSRF protection for its writes. (Its
 * Secure flag and name, the default, are in BootstrapIT: the tests here speak plain HTTP; its idle
 * and absolute lifetimes are in SessionLifetimeIT, which moves the clock.)
 */
class SessionLoginIT extends AdminServiceIntegration {

  private Api signedIn(String email) {
    Api browser = new Api(port);
    Response login =
        browser.post(
            "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return browser;
  }

  private static String csrfToken(Api browser) {
    assertThat(browser.get("/api/auth/csrf").status()).isEqualTo(204);
    return browser.cookie("XSRF-TOKEN").orElseThrow();
  }

  @Test
  void login_setsAnHttpOnlySameSiteSessionCookie_andMeTellsWhoAndHow() {
    Api browser = new Api(port);
    Response login =
        browser.post(
            "/api/auth/login",
            "{\"email\":\"  Editor@Example.com \",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
    assertThat(login.status()).isEqualTo(200);
    String cookie =
        login.headerValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("FLAGSTREAM_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    var me = browser.get("/api/auth/me").json();
    assertThat(me.get("email").asString()).isEqualTo(TestAccounts.EDITOR_EMAIL);
    assertThat(me.get("role").asString()).isEqualTo("EDITOR");
    assertThat(me.get("authenticatedBy").asString()).isEqualTo("SESSION");
    assertThat(editor.get("/api/auth/me").json().get("authenticatedBy").asString())
        .isEqualTo("API_TOKEN");
  }

  @Test
  void aHashMadeWithWeakerParameters_isUpgradedAtTheNextSignIn() {
    String email = "old-hash-" + System.nanoTime() + "@example.com";
    String weak =
        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(TestAccounts.PASSWORD);
    context().getBean(UserRepository.class).insert(email, weak, Role.VIEWER);
    signedIn(email);
    String stored =
        jdbc.sql("SELECT password_hash FROM users WHERE email = ?")
            .param(email)
            .query(String.class)
            .single();
    assertThat(weak).contains("m=16384,t=2,p=1");
    assertThat(stored).startsWith("$argon2id$").contains("m=19456,t=2,p=1");
    signedIn(email);
  }

  @Test
  void wrongPasswordOrUnknownEmail_is401_withTheSameAnswer() {
    Response wrongPassword =
        anonymous.post(
            "/api/auth/login",
            "{\"email\":\"editor@example.com\",\"password\":\"nope-nope-nope\"}");
    Response unknown =
        anonymous.post(
            "/api/auth/login", "{\"email\":\"ghost@example.com\",\"password\":\"nope-nope-nope\"}");
    assertThat(problem(wrongPassword, 401).get("detail"))
        .isEqualTo(problem(unknown, 401).get("detail"));
    invalid(anonymous.post("/api/auth/login", "{\"email\":\"editor@example.com\"}"), "email");
    invalid(anonymous.post("/api/auth/login", "{\"user\":\"editor@example.com\"}"), "user");
  }

  @Test
  void cookieWrites_needTheCsrfToken() {
    Api browser = signedIn(TestAccounts.EDITOR_EMAIL);
    Response forged = unchanged(() -> browser.post("/api/admin/flags", "{\"name\":\"forged\"}"));
    assertThat(problem(forged, 403).get("detail").asString()).contains("X-XSRF-TOKEN");
    problem(
        unchanged(
            () ->
                browser.post("/api/admin/flags", "{\"name\":\"forged\"}", "X-XSRF-TOKEN", "guess")),
        403);

    Response created =
        browser.post(
            "/api/admin/flags", "{\"name\":\"from-browser\"}", "X-XSRF-TOKEN", csrfToken(browser));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(browser.get("/api/admin/flags").status()).as("reads need no token").isEqualTo(200);
  }

  @Test
  void aBrowserIsHandedACsrfToken_aCallWithAnApiTokenIsNot() {
    Api browser = new Api(port);
    browser.get("/api/admin/flags");
    assertThat(browser.cookie("XSRF-TOKEN")).as("a browser's first answer carries one").isPresent();

    Api automation = new Api(port).as(TestAccounts.EDITOR_TOKEN);
    Response read = automation.get("/api/admin/flags");
    Response write = automation.post("/api/admin/flags", "{\"name\":\"by-token\"}");
    assertThat(read.status()).isEqualTo(200);
    assertThat(write.status()).as(write.toString()).isEqualTo(201);
    assertThat(automation.cookie("XSRF-TOKEN"))
        .as("a bearer token is never asked for a CSRF token, so none is made")
        .isEmpty();
    assertThat(write.headerValues("Set-Cookie")).isEmpty();
  }

  @Test
  void logout_endsTheSession() {
    Api browser = signedIn(TestAccounts.VIEWER_EMAIL);
    assertThat(browser.post("/api/auth/logout", null, "X-XSRF-TOKEN", csrfToken(browser)).status())
        .isEqualTo(204);
    problem(browser.get("/api/auth/me"), 401);
  }

  @Test
  void sessions_areStoredInTheDatabase_andEndWhenTheUsersRoleChanges() {
    String email = "moved-" + System.nanoTime() + "@example.com";
    var created =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\"EDITOR\"}");
    assertThat(created.status()).isEqualTo(201);
    Api browser = signedIn(email);
    assertThat(browser.get("/api/auth/me").status()).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                .param(created.json().get("id").asString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    admin.patch("/api/admin/users/" + created.json().get("id").asString(), "{\"role\":\"VIEWER\"}");
    problem(browser.get("/api/auth/me"), 401);
  }
}
