package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sign-ins are audited, and sign-ins and refusals are logged as structured security events with a
 * counter each: who (a user id or a hash of the email), from where, in which request; never a
 * password, a token or an email.
 */
class SecurityEventsIT extends AdminServiceIntegration {
  private static final String WRONG = "a-wrong-password-for-sure";
  private static final String UNKNOWN = "nobody@example.com";

  private Response signIn(Api client, String email, String password) {
    return client.post(
        "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private String idOf(Api caller) {
    return caller.get("/api/auth/me").json().get("id").asString();
  }

  @Test
  void signIns_areAuditedForAdmins_andLogged_withoutCredentials() {
    Response wrongPassword;
    Response unknownEmail;
    Response succeeded;
    List<Map<String, String>> events;
    try (SecurityEventLog log = SecurityEventLog.capture()) {
      wrongPassword = signIn(anonymous, TestAccounts.EDITOR_EMAIL, WRONG);
      unknownEmail = signIn(anonymous, UNKNOWN, WRONG);
      succeeded = signIn(new Api(port), TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
      events = log.events();
    }
    assertThat(succeeded.status()).isEqualTo(200);
    String viewerId = idOf(viewer);
    String editorId = idOf(editor);

    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .containsEntry("event", "auth.login.failed")
        .containsEntry("reason", "wrong-password")
        .containsEntry("requestId", wrongPassword.header("X-Request-Id").orElseThrow())
        .containsEntry("level", "WARN")
        .containsKeys("emailHash", "address");
    assertThat(events.get(1))
        .containsEntry("event", "auth.login.failed")
        .containsEntry("reason", "unknown-email")
        .containsEntry("requestId", unknownEmail.header("X-Request-Id").orElseThrow());
    assertThat(events.get(0).get("emailHash"))
        .hasSize(16)
        .isNotEqualTo(events.get(1).get("emailHash"));
    assertThat(events.get(2))
        .containsEntry("event", "auth.login.succeeded")
        .containsEntry("userId", viewerId)
        .containsEntry("level", "INFO");
    assertThat(events.toString())
        .doesNotContain(WRONG, TestAccounts.PASSWORD, UNKNOWN, TestAccounts.EDITOR_EMAIL);

    List<JsonNode> audited = admin.get("/api/admin/audit").json().valueStream().toList();
    assertThat(audited)
        .extracting(e -> e.get("action").asString())
        .containsExactly("LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_FAILED");
    assertThat(audited.get(0).get("actorEmail").asString()).isEqualTo(TestAccounts.VIEWER_EMAIL);
    assertThat(audited.get(0).get("target").asString()).isEqualTo(viewerId);
    assertThat(audited.get(0).get("requestId").asString())
        .isEqualTo(succeeded.header("X-Request-Id").orElseThrow());
    assertThat(audited.get(1).get("targetType").asString()).isEqualTo("LOGIN");
    assertThat(audited.get(1).get("target").asString())
        .isEqualTo("email-sha256:" + events.get(1).get("emailHash"));
    assertThat(audited.get(1).get("actorEmail").asString()).isEqualTo("anonymous");
    assertThat(audited.get(2).get("target").asString()).isEqualTo(editorId);
    assertThat(audited.get(2).get("after").get("reason").asString()).isEqualTo("wrong-password");
    assertThat(audited.get(2).get("after").get("sourceAddress").asString()).isNotBlank();
    assertThat(
            jdbc.sql("SELECT string_agg(row_to_json(a)::text, ',') FROM audit_log a")
                .query(String.class)
                .single())
        .doesNotContain(WRONG, TestAccounts.PASSWORD, UNKNOWN);
  }

  @Test
  void refusals_andSignOuts_areLogged_andCounted() {
    Api browser = new Api(port);
    assertThat(signIn(browser, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD).status())
        .isEqualTo(200);
    String viewerId = idOf(viewer);
    String badToken = "fst_" + "x".repeat(43);
    List<Map<String, String>> events;
    try (SecurityEventLog log = SecurityEventLog.capture()) {
      problem(anonymous.as(badToken).get("/api/admin/flags"), 401);
      problem(viewer.post("/api/admin/flags", "{\"name\":\"a\"}"), 403);
      problem(browser.post("/api/auth/logout", null), 403); // no CSRF token
      assertThat(browser.get("/api/auth/csrf").status()).isEqualTo(204);
      String csrf = browser.cookie("XSRF-TOKEN").orElseThrow();
      assertThat(browser.post("/api/auth/logout", null, "X-XSRF-TOKEN", csrf).status())
          .isEqualTo(204);
      events = log.events();
    }
    assertThat(events)
        .extracting(e -> e.get("event"))
        .containsExactly(
            "auth.token.refused", "auth.access.denied", "auth.csrf.refused", "auth.logout");
    assertThat(events.get(0))
        .containsEntry("path", "/api/admin/flags")
        .containsKeys("address", "requestId");
    assertThat(events.get(1))
        .containsEntry("principal", viewerId)
        .containsEntry("method", "POST")
        .containsEntry("path", "/api/admin/flags");
    assertThat(events.get(2)).containsEntry("principal", viewerId);
    assertThat(events.get(3)).containsEntry("userId", viewerId);
    assertThat(events.toString()).doesNotContain(badToken, TestAccounts.VIEWER_TOKEN);

    String metrics = anonymous.as(METRICS_KEY).get("/prometheus").body();
    for (String event :
        List.of(
            "auth.token.refused",
            "auth.access.denied",
            "auth.csrf.refused",
            "auth.logout",
            "auth.login.succeeded")) {
      assertThat(metrics).contains("flagstream_auth_events_total{event=\"" + event + "\"");
    }
  }
}
