package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserApiIT extends AdminServiceIntegration {

  private JsonNode createUser(String email, String role) {
    Response response =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\""
                + role
                + "\"}");
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  @Test
  void create_storesAnArgon2Hash_neverThePassword() {
    JsonNode user = createUser("ada-" + System.nanoTime() + "@example.com", "EDITOR");
    assertThat(user.has("password")).isFalse();
    assertThat(user.has("passwordHash")).isFalse();
    String hash =
        jdbc.sql("SELECT password_hash FROM users WHERE id = CAST(? AS uuid)")
            .param(user.get("id").asString())
            .query(String.class)
            .single();
    assertThat(hash).startsWith("$argon2id$").doesNotContain(TestAccounts.PASSWORD);
    assertThat(admin.get("/api/admin/users/" + user.get("id").asString()).json()).isEqualTo(user);
  }

  @Test
  void create_refusesBadInput() {
    invalid(unchanged(() -> admin.post("/api/admin/users", "{}")), "email", "password", "role");
    invalid(
        unchanged(
            () ->
                admin.post(
                    "/api/admin/users",
                    "{\"email\":\"not-an-email\",\"password\":\"short\",\"role\":\"VIEWER\"}")),
        "email",
        "password");
    invalid(
        unchanged(
            () ->
                admin.post(
                    "/api/admin/users",
                    "{\"email\":\"x@example.com\",\"password\":\""
                        + "p".repeat(1025)
                        + "\",\"role\":\"VIEWER\"}")),
        "password");
    invalid(
        unchanged(
            () ->
                admin.post(
                    "/api/admin/users",
                    "{\"email\":\"x@example.com\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\",\"role\":\"ROOT\"}")),
        "role");
    problem(
        unchanged(
            () ->
                admin.post(
                    "/api/admin/users",
                    "{\"email\":\"EDITOR@example.com\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\",\"role\":\"VIEWER\"}")),
        409);
  }

  @Test
  void longPasswords_areNotTruncated() {
    String email = "long-" + System.nanoTime() + "@example.com";
    String password = "x".repeat(100);
    assertThat(
            admin
                .post(
                    "/api/admin/users",
                    "{\"email\":\""
                        + email
                        + "\",\"password\":\""
                        + password
                        + "\",\"role\":\"VIEWER\"}")
                .status())
        .isEqualTo(201);
    String wrongAfter72 = "x".repeat(72) + "y".repeat(28);
    problem(
        anonymous.post(
            "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + wrongAfter72 + "\"}"),
        401);
    assertThat(
            anonymous
                .post(
                    "/api/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void changeAndDelete_areAudited_andTheLastAdminStays() {
    JsonNode user = createUser("temp-" + System.nanoTime() + "@example.com", "VIEWER");
    String id = user.get("id").asString();
    assertThat(
            admin
                .patch("/api/admin/users/" + id, "{\"role\":\"ADMIN\"}")
                .json()
                .get("role")
                .asString())
        .isEqualTo("ADMIN");
    assertThat(admin.delete("/api/admin/users/" + id).status()).isEqualTo(204);
    problem(admin.get("/api/admin/users/" + id), 404);
    assertThat(
            jdbc.sql("SELECT action FROM audit_log WHERE target = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("USER_CREATED", "USER_UPDATED", "USER_DELETED");

    String adminId = admin.get("/api/auth/me").json().get("id").asString();
    problem(
        unchanged(() -> admin.patch("/api/admin/users/" + adminId, "{\"role\":\"VIEWER\"}")), 409);
    problem(unchanged(() -> admin.delete("/api/admin/users/" + adminId)), 409);
    invalid(unchanged(() -> admin.patch("/api/admin/users/" + adminId, "{}")), "role");
    problem(
        unchanged(() -> admin.delete("/api/admin/users/00000000-0000-0000-0000-000000000000")),
        404);
  }
}
