package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
    // 72 bytes of a passphrase, then more: bcrypt would ignore all after the 72nd byte
    String first72 = "correct-horse-battery-staple-".repeat(3).substring(0, 72);
    String password = first72 + "x".repeat(28);
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
    String wrongAfter72 = first72 + "y".repeat(28);
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

  @Test
  void delete_ownAccount_isRefusedEvenWithAnotherAdmin() {
    String adminId = admin.get("/api/auth/me").json().get("id").asString();
    String otherId =
        createUser("another-admin-" + System.nanoTime() + "@example.com", "ADMIN")
            .get("id")
            .asString();
    try {
      var body = problem(unchanged(() -> admin.delete("/api/admin/users/" + adminId)), 409);

      assertThat(body.get("detail").asString()).contains("your own account");
      assertThat(admin.get("/api/auth/me").status()).isEqualTo(200);
    } finally {
      // other tests count on one admin
      jdbc.sql("DELETE FROM users WHERE id = CAST(? AS uuid)").param(otherId).update();
    }
  }

  @Test
  void twoConcurrentDemotions_cannotLeaveNoAdmin() throws Exception {
    String adminId = admin.get("/api/auth/me").json().get("id").asString();
    String otherId =
        createUser("second-admin-" + System.nanoTime() + "@example.com", "ADMIN")
            .get("id")
            .asString();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Connection other = context().getBean(DataSource.class).getConnection()) {
      other.setAutoCommit(false);
      // another demotion of the two admins is under way and holds their rows
      try (Statement statement = other.createStatement()) {
        statement.executeQuery("SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE").close();
        statement.executeUpdate("UPDATE users SET role = 'VIEWER' WHERE id = '" + adminId + "'");
      }
      Future<Response> demotion =
          background.submit(
              () -> admin.patch("/api/admin/users/" + otherId, "{\"role\":\"VIEWER\"}"));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.sql(
                                  "SELECT count(*) FROM pg_stat_activity WHERE datname ="
                                      + " current_database() AND wait_event_type = 'Lock'")
                              .query(Long.class)
                              .single())
                      .as("the API's demotion waits for the other one")
                      .isPositive());
      other.commit();
      problem(demotion.get(20, TimeUnit.SECONDS), 409);
      assertThat(
              jdbc.sql("SELECT count(*) FROM users WHERE role = 'ADMIN'")
                  .query(Long.class)
                  .single())
          .isOne();
    } finally {
      background.shutdownNow();
      jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE id = CAST(? AS uuid)")
          .param(adminId)
          .update();
      jdbc.sql("DELETE FROM users WHERE id = CAST(? AS uuid)").param(otherId).update();
    }
  }
}
