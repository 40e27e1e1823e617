package dev.flagstream.admin.session;

import static dev.flagstream.admin.fixtures.Browsers.csrfToken;
import static dev.flagstream.admin.fixtures.Browsers.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user lists their sessions and ends them, one or all but the current; an admin does so for
 * anyone. Ended sessions are refused at once; every ending is audited; no one else's session can be
 * seen, ended or even confirmed to exist.
 */
class SessionApiIT extends AdminServiceIntegration {
  private String email;
  private String userId;

  @BeforeEach
  void aUserOfTheirOwn() {
    email = "sessions-" + System.nanoTime() + "@example.com";
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

  private static List<JsonNode> sessionsSeenBy(Api caller, String path) {
    Response listed = caller.get(path);
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json().valueStream().toList();
  }

  private static JsonNode sessionOf(List<JsonNode> sessions, String userAgent) {
    return sessions.stream()
        .filter(s -> s.get("userAgent").asString().equals(userAgent))
        .findFirst()
        .orElseThrow();
  }

  private static Response delete(Api browser, String path) {
    return browser.delete(path, "X-XSRF-TOKEN", csrfToken(browser));
  }

  private static boolean signedIn(Api browser) {
    return browser.get("/api/auth/me").status() == 200;
  }

  private List<JsonNode> audited(String action) {
    return admin.get("/api/admin/audit?action=" + action).json().valueStream().toList();
  }

  @Test
  void list_showsEachSessionWithItsTimesAndOrigin_andWhichIsCurrent_butNoCookie() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");

    List<JsonNode> sessions = sessionsSeenBy(laptop, "/api/auth/sessions");
    assertThat(sessions).hasSize(2);
    JsonNode mine = sessionOf(sessions, "Laptop/1.0");
    JsonNode other = sessionOf(sessions, "Phone/2.0");
    assertThat(mine.get("current").asBoolean()).isTrue();
    assertThat(other.get("current").asBoolean()).isFalse();
    assertThat(mine.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    for (JsonNode session : sessions) {
      assertThat(session.get("id").asString()).hasSize(22);
      assertThat(session.get("createdAt").asString()).isNotBlank();
      assertThat(session.get("lastSeenAt").asString()).isNotBlank();
      assertThat(session.get("expiresAt").asString()).isNotBlank();
    }
    String body = laptop.get("/api/auth/sessions").body();
    for (Api browser : List.of(laptop, phone)) {
      String cookie = sessionCookie(browser);
      assertThat(body).doesNotContain(cookie).doesNotContain(decoded(cookie));
    }
    assertThat(
            sessionOf(sessionsSeenBy(phone, "/api/auth/sessions"), "Phone/2.0")
                .get("current")
                .asBoolean())
        .isTrue();
    assertThat(sessionsSeenBy(editor, "/api/auth/sessions"))
        .as("another user's list holds none of these")
        .noneMatch(s -> s.get("userAgent").asString().matches("(Laptop|Phone)/.*"));
  }

  @Test
  void endingOneSession_refusesItAtOnce_keepsTheOthers_andIsAudited() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    String phoneSession =
        sessionOf(sessionsSeenBy(laptop, "/api/auth/sessions"), "Phone/2.0").get("id").asString();

    assertThat(delete(laptop, "/api/auth/sessions/" + phoneSession).status()).isEqualTo(204);

    problem(phone.get("/api/auth/me"), 401);
    assertThat(signedIn(laptop)).isTrue();
    assertThat(sessionsSeenBy(laptop, "/api/auth/sessions"))
        .extracting(s -> s.get("userAgent").asString())
        .containsExactly("Laptop/1.0");
    JsonNode entry = audited("SESSION_REVOKED").get(0);
    assertThat(entry.get("actorId").asString()).isEqualTo(userId);
    assertThat(entry.get("target").asString()).isEqualTo(userId);
    assertThat(entry.get("targetType").asString()).isEqualTo("USER");
    assertThat(entry.get("before").get("id").asString()).isEqualTo(phoneSession);
    assertThat(entry.get("before").get("userAgent").asString()).isEqualTo("Phone/2.0");
    assertThat(entry.get("userAgent").asString()).as("who asked").isEqualTo("Laptop/1.0");
    assertThat(entry.get("clientAddress").asString()).isNotBlank();
    assertThat(entry.get("outcome").asString()).isEqualTo("SUCCEEDED");
    problem(delete(laptop, "/api/auth/sessions/" + phoneSession), 404);
  }

  @Test
  void endingAllOthers_leavesOnlyTheCurrentSession_andIsAuditedWithTheCount() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    Api tablet = browser("Tablet/3.0");
    assertThat(sessionsSeenBy(laptop, "/api/auth/sessions"))
        .extracting(s -> s.get("userAgent").asString())
        .as("each sign-in's session, valid before any ends")
        .containsExactlyInAnyOrder("Laptop/1.0", "Phone/2.0", "Tablet/3.0");

    assertThat(delete(laptop, "/api/auth/sessions").status()).isEqualTo(204);

    problem(phone.get("/api/auth/me"), 401);
    problem(tablet.get("/api/auth/me"), 401);
    assertThat(signedIn(laptop)).isTrue();
    assertThat(sessionsSeenBy(laptop, "/api/auth/sessions")).hasSize(1);
    JsonNode entry = audited("OTHER_SESSIONS_REVOKED").get(0);
    assertThat(entry.get("target").asString()).isEqualTo(userId);
    assertThat(entry.get("after").get("revoked").asInt()).isEqualTo(2);
  }

  @Test
  void endingTheCurrentSession_signsItOut() {
    Api laptop = browser("Laptop/1.0");
    String current =
        sessionOf(sessionsSeenBy(laptop, "/api/auth/sessions"), "Laptop/1.0").get("id").asString();
    assertThat(delete(laptop, "/api/auth/sessions/" + current).status()).isEqualTo(204);
    problem(laptop.get("/api/auth/me"), 401);
  }

  @Test
  void anotherUsersSession_isAnsweredAsOneThatDoesNotExist_andKeepsWorking() {
    Api victim = browser("Victim/1.0");
    String victimSession = sessionsSeenBy(victim, "/api/auth/sessions").get(0).get("id").asString();
    Api attacker =
        Browsers.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD, "Attacker/1.0");

    Response theirs = unchanged(() -> delete(attacker, "/api/auth/sessions/" + victimSession));
    Response nobodys =
        unchanged(() -> delete(attacker, "/api/auth/sessions/AAAAAAAAAAAAAAAAAAAAAA"));

    assertThat(problem(theirs, 404).get("detail").asString())
        .isEqualTo(
            problem(nobodys, 404)
                .get("detail")
                .asString()
                .replace("AAAAAAAAAAAAAAAAAAAAAA", victimSession));
    assertThat(signedIn(victim)).isTrue();
    assertThat(problem(viewer.get("/api/admin/users/" + userId + "/sessions"), 403).get("detail"))
        .as("a non-admin learns nothing of whether the user exists")
        .isEqualTo(
            problem(viewer.get("/api/admin/users/" + UUID.randomUUID() + "/sessions"), 403)
                .get("detail"));
    problem(unchanged(() -> delete(attacker, "/api/admin/users/" + userId + "/sessions")), 403);
    problem(
        unchanged(
            () -> delete(attacker, "/api/admin/users/" + userId + "/sessions/" + victimSession)),
        403);
    assertThat(signedIn(victim)).isTrue();
  }

  @Test
  void endingASession_withTheCookieAlone_needsTheCsrfToken() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    problem(unchanged(() -> laptop.delete("/api/auth/sessions")), 403);
    assertThat(signedIn(phone)).isTrue();
  }

  @Test
  void anAdmin_listsAndEndsAnotherUsersSessions_auditedAsTheAdmin() {
    Api laptop = browser("Laptop/1.0");
    Api phone = browser("Phone/2.0");
    Api tablet = browser("Tablet/3.0");
    String base = "/api/admin/users/" + userId + "/sessions";

    List<JsonNode> seen = sessionsSeenBy(admin, base);
    assertThat(seen).hasSize(3).noneMatch(s -> s.get("current").asBoolean());
    String phoneSession = sessionOf(seen, "Phone/2.0").get("id").asString();

    assertThat(admin.delete(base + "/" + phoneSession).status()).isEqualTo(204);
    problem(phone.get("/api/auth/me"), 401);
    assertThat(signedIn(laptop) && signedIn(tablet)).isTrue();
    JsonNode one = audited("SESSION_REVOKED").get(0);
    assertThat(one.get("actorEmail").asString()).isEqualTo(TestAccounts.ADMIN_EMAIL);
    assertThat(one.get("target").asString()).isEqualTo(userId);

    assertThat(admin.delete(base).status()).isEqualTo(204);
    assertThat(signedIn(laptop) || signedIn(tablet)).isFalse();
    assertThat(sessionsSeenBy(admin, base)).isEmpty();
    JsonNode all = audited("OTHER_SESSIONS_REVOKED").get(0);
    assertThat(all.get("actorEmail").asString()).isEqualTo(TestAccounts.ADMIN_EMAIL);
    assertThat(all.get("after").get("revoked").asInt()).isEqualTo(2);

    String nobody = "/api/admin/users/" + UUID.randomUUID() + "/sessions";
    problem(admin.get(nobody), 404);
    problem(unchanged(() -> admin.delete(nobody)), 404);
    problem(unchanged(() -> admin.delete(base + "/AAAAAAAAAAAAAAAAAAAAAA")), 404);
  }

  @Test
  void aTokenCaller_hasNoCurrentSession_andEndsAllOfThem() {
    Api laptop = Browsers.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD, "L/1");
    assertThat(sessionsSeenBy(editor, "/api/auth/sessions"))
        .isNotEmpty()
        .noneMatch(s -> s.get("current").asBoolean());
    assertThat(editor.delete("/api/auth/sessions").status()).isEqualTo(204);
    problem(laptop.get("/api/auth/me"), 401);
    assertThat(sessionsSeenBy(editor, "/api/auth/sessions")).isEmpty();
  }

  // Spring Session writes the id into the cookie in base64.
  private static String decoded(String cookie) {
    return new String(
        java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
  }
}
