package dev.flagstream.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * What each role reads in the audit log: viewers and editors see flag entries and the entries of
 * their own tokens; entries of users, sign-ins, sign-outs, sessions, passwords and others' tokens,
 * which would list every account and its role, only admins see, whatever the filter; and only
 * admins see where any request came from.
 */
class AuditVisibilityIT extends AdminServiceIntegration {

  enum Reader {
    VIEWER,
    EDITOR,
    ADMIN
  }

  @BeforeEach
  void oneEntryOfEachKind() {
    assertThat(editor.post("/api/admin/flags", "{\"name\":\"a\"}").status()).isEqualTo(201);
    assertThat(viewer.post("/api/auth/tokens", "{\"name\":\"viewer-token\"}").status())
        .isEqualTo(201);
    String editorToken =
        editor.post("/api/auth/tokens", "{\"name\":\"editor-token\"}").json().get("id").asString();
    assertThat(admin.delete("/api/auth/tokens/" + editorToken).status()).isEqualTo(200);
    String fresh = "new-" + System.nanoTime() + "@example.com";
    assertThat(
            admin
                .post(
                    "/api/admin/users",
                    "{\"email\":\""
                        + fresh
                        + "\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\",\"role\":\"VIEWER\"}")
                .status())
        .isEqualTo(201);
    accountEntries(fresh);
    signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD, 200);
    signIn(TestAccounts.EDITOR_EMAIL, "not-the-password", 401);
  }

  /** A user's session and password entries, each kind once. */
  private void accountEntries(String email) {
    Api laptop = Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Laptop/1.0");
    Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Phone/2.0");
    Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Tablet/3.0");
    String csrf = Browsers.csrfToken(laptop);
    String phone =
        laptop
            .get("/api/auth/sessions")
            .json()
            .valueStream()
            .filter(session -> session.get("userAgent").asString().equals("Phone/2.0"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asString();
    assertThat(laptop.delete("/api/auth/sessions/" + phone, "X-XSRF-TOKEN", csrf).status())
        .isEqualTo(204);
    assertThat(laptop.delete("/api/auth/sessions", "X-XSRF-TOKEN", csrf).status()).isEqualTo(204);
    String change = "{\"currentPassword\":\"%s\",\"newPassword\":\"a-new-and-rather-long-one\"}";
    assertThat(
            laptop
                .post(
                    "/api/auth/password", change.formatted("wrong-password!"), "X-XSRF-TOKEN", csrf)
                .status())
        .isEqualTo(400);
    assertThat(
            laptop
                .post(
                    "/api/auth/password",
                    change.formatted(TestAccounts.PASSWORD),
                    "X-XSRF-TOKEN",
                    csrf)
                .status())
        .isEqualTo(204);
    assertThat(laptop.post("/api/auth/logout", null, "X-XSRF-TOKEN", csrf).status()).isEqualTo(204);
  }

  private void signIn(String email, String password, int status) {
    Response response =
        anonymous.post(
            "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  private Api as(Reader reader) {
    return switch (reader) {
      case VIEWER -> viewer;
      case EDITOR -> editor;
      case ADMIN -> admin;
    };
  }

  private List<String> seen(Reader reader, String query) {
    Response response = as(reader).get("/api/admin/audit" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().valueStream().map(AuditVisibilityIT::describe).toList();
  }

  private static String describe(JsonNode entry) {
    JsonNode state = entry.get("after").isNull() ? entry.get("before") : entry.get("after");
    String name =
        entry.get("targetType").asString().equals("TOKEN") ? state.get("name").asString() : "";
    return (entry.get("action").asString() + " " + name).strip();
  }

  private static List<String> visibleTo(Reader reader) {
    return switch (reader) {
      case VIEWER -> List.of("TOKEN_CREATED viewer-token", "FLAG_CREATED");
      case EDITOR ->
          List.of("TOKEN_REVOKED editor-token", "TOKEN_CREATED editor-token", "FLAG_CREATED");
      case ADMIN ->
          List.of(
              "LOGIN_FAILED",
              "LOGIN_SUCCEEDED",
              "LOGOUT",
              "PASSWORD_CHANGED",
              "PASSWORD_CHANGE_FAILED",
              "OTHER_SESSIONS_REVOKED",
              "SESSION_REVOKED",
              "LOGIN_SUCCEEDED",
              "LOGIN_SUCCEEDED",
              "LOGIN_SUCCEEDED",
              "USER_CREATED",
              "TOKEN_REVOKED editor-token",
              "TOKEN_CREATED editor-token",
              "TOKEN_CREATED viewer-token",
              "FLAG_CREATED");
    };
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void eachRole_readsWhatItMaySee(Reader reader) {
    assertThat(seen(reader, "")).containsExactlyElementsOf(visibleTo(reader));
  }

  @ParameterizedTest
  @EnumSource(
      value = Reader.class,
      names = {"VIEWER", "EDITOR"})
  void filters_revealNothingMore_belowAdmin(Reader reader) {
    String adminId = admin.get("/api/auth/me").json().get("id").asString();
    for (String query :
        List.of(
            "?action=USER_CREATED",
            "?action=LOGIN_SUCCEEDED",
            "?action=LOGIN_FAILED",
            "?action=LOGOUT",
            "?action=SESSION_REVOKED",
            "?action=OTHER_SESSIONS_REVOKED",
            "?action=PASSWORD_CHANGED",
            "?action=PASSWORD_CHANGE_FAILED",
            "?action=TOKEN_CREATED",
            "?actor=" + adminId,
            "?limit=1")) {
      assertThat(seen(reader, query)).as(query).isSubsetOf(visibleTo(reader));
    }
    assertThat(seen(reader, "?action=USER_CREATED")).isEmpty();
    assertThat(seen(reader, "?action=PASSWORD_CHANGED")).isEmpty();
    assertThat(seen(reader, "?limit=1")).as("pages count visible entries only").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void whereARequestCameFrom_onlyAdminsSee(Reader reader) {
    List<JsonNode> entries = as(reader).get("/api/admin/audit").json().valueStream().toList();
    assertThat(entries).isNotEmpty();
    for (JsonNode entry : entries) {
      if (reader == Reader.ADMIN) {
        assertThat(entry.get("clientAddress").asString()).as(entry.toString()).isNotBlank();
      } else {
        assertThat(entry.get("clientAddress").isNull()).as(entry.toString()).isTrue();
        assertThat(entry.get("userAgent").isNull()).as(entry.toString()).isTrue();
      }
    }
    assertThat(
            as(reader)
                .get("/api/admin/audit?action=LOGOUT")
                .json()
                .valueStream()
                .map(e -> e.get("userAgent").asString()))
        .containsExactlyElementsOf(reader == Reader.ADMIN ? List.of("Laptop/1.0") : List.of());
  }
}
