package dev.flagstream.admin.account;

import static dev.flagstream.admin.fixtures.Browsers.csrfToken;
import static dev.flagstream.admin.fixtures.Browsers.presenting;
import static dev.flagstream.admin.fixtures.Browsers.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user changes their own password: the current one is required and a wrong one counts as a failed
 * sign-in (the throttling that follows is in SignInThrottleIT, which moves the clock); the new one
 * must follow the password rules. A change ends every other session of the user, gives the current
 * one a new id, and is audited; so are refusals of a wrong password.
 */
class PasswordChangeIT extends AdminServiceIntegration {
  private static final String NEW_PASSWORD = "a-new-and-rather-long-one";

  private String email;
  private String userId;

  @BeforeEach
  void aUserOfTheirOwn() {
    email = "changer-" + System.nanoTime() + "@example.com";
    Response created =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\"EDITOR\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    userId = created.json().get("id").asString();
  }

  private Api browser(String userAgent) {
    return Browsers.signedIn(port, email, TestAccounts.PASSWORD, userAgent);
  }

  private static Response change(Api browser, String current, String replacement) {
    return browser.post(
        "/api/auth/password",
        "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + replacement + "\"}",
        "X-XSRF-TOKEN",
        csrfToken(browser));
  }

  private int signIn(String password) {
    return new Api(port)
        .post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .status();
  }

  private int me(String cookie) {
    return new Api(port).get("/api/auth/me", presenting(cookie)).status();
  }

  private List<JsonNode> audited(String action) {
    return admin.get("/api/admin/audit?action=" + action).json().valueStream().toList();
  }

  @Test
  void aChange_endsTheOtherSessions_renewsTheCurrentOnesId_andIsAudited() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    String laptopBefore = sessionCookie(laptop);

    Response changed = change(laptop, TestAccounts.PASSWORD, NEW_PASSWORD);

    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    String laptopAfter = sessionCookie(laptop);
    assertThat(laptopAfter).as("the current session has a new id").isNotEqualTo(laptopBefore);
    assertThat(me(laptopAfter)).isEqualTo(200);
    assertThat(me(laptopBefore)).isEqualTo(401);
    problem(phone.get("/api/auth/me"), 401);
    assertThat(
            laptop
                .get("/api/auth/sessions")
                .json()
                .valueStream()
                .map(s -> s.get("userAgent").asString()))
        .as("the current session stays, with its handle")
        .containsExactly("Laptop/1.0");
    assertThat(signIn(TestAccounts.PASSWORD)).isEqualTo(401);
    assertThat(signIn(NEW_PASSWORD)).isEqualTo(200);

    JsonNode entry = audited("PASSWORD_CHANGED").get(0);
    assertThat(entry.get("actorId").asString()).isEqualTo(userId);
    assertThat(entry.get("target").asString()).isEqualTo(userId);
    assertThat(entry.get("after").get("otherSessionsEnded").asInt()).isEqualTo(1);
    assertThat(entry.get("userAgent").asString()).isEqualTo("Laptop/1.0");
    assertThat(entry.get("clientAddress").asString()).isNotBlank();
    assertThat(entry.toString()).doesNotContain(NEW_PASSWORD, TestAccounts.PASSWORD);
  }

  @Test
  void aWrongCurrentPassword_is400NamingIt_countsAsAFailedSignIn_andIsAudited() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");

    Response refused = change(laptop, "not-my-password-at-all", NEW_PASSWORD);

    invalid(refused, "currentPassword");
    assertThat(
            jdbc.sql("SELECT failures FROM sign_in_throttle WHERE subject LIKE 'account:%'")
                .query(Integer.class)
                .list())
        .as("counted against the account as a failed sign-in is")
        .containsExactly(1);
    JsonNode entry = audited("PASSWORD_CHANGE_FAILED").get(0);
    assertThat(entry.get("target").asString()).isEqualTo(userId);
    assertThat(entry.get("after").get("reason").asString()).isEqualTo("wrong-password");
    assertThat(entry.get("outcome").asString()).isEqualTo("FAILED");
    assertThat(me(sessionCookie(phone))).as("nothing else changed").isEqualTo(200);
    assertThat(signIn(TestAccounts.PASSWORD)).isEqualTo(200);
  }

  @Test
  void aWeakOrCommonNewPassword_isRefusedNamingTheField_andChangesNothing() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    for (String weak :
        List.of("too-short", "password1234", "Qwerty123456!", email, "iloveyou2024")) {
      Response refused = unchanged(() -> change(laptop, TestAccounts.PASSWORD, weak));
      invalid(refused, "newPassword");
    }
    invalid(
        unchanged(() -> laptop.post("/api/auth/password", "{}", "X-XSRF-TOKEN", csrfToken(laptop))),
        "currentPassword",
        "newPassword");
    assertThat(me(sessionCookie(phone))).isEqualTo(200);
    assertThat(signIn(TestAccounts.PASSWORD)).isEqualTo(200);
  }

  @Test
  void theSameRules_holdWhereAnAdminCreatesAUserOrSetsTheirPassword() {
    invalid(
        unchanged(
            () ->
                admin.post(
                    "/api/admin/users",
                    "{\"email\":\"weak-"
                        + System.nanoTime()
                        + "@example.com\",\"password\":\"Password2024!\",\"role\":\"VIEWER\"}")),
        "password");
    invalid(
        unchanged(
            () -> admin.patch("/api/admin/users/" + userId, "{\"password\":\"dragondragon\"}")),
        "password");
  }

  @Test
  void withoutACsrfToken_orSignedOut_nothingChanges() {
    Api laptop = browser("Laptop/1.0");
    problem(
        unchanged(
            () ->
                laptop.post(
                    "/api/auth/password",
                    "{\"currentPassword\":\""
                        + TestAccounts.PASSWORD
                        + "\",\"newPassword\":\""
                        + NEW_PASSWORD
                        + "\"}")),
        403);
    problem(
        unchanged(
            () ->
                anonymous.post(
                    "/api/auth/password",
                    "{\"currentPassword\":\"x\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")),
        401);
  }
}
