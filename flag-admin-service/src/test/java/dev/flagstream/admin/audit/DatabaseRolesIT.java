package dev.flagstream.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Migrations run as an owner role and the service as a runtime role: the service works, and its
 * role can neither rewrite, truncate nor unprotect the audit log, nor change the schema.
 */
class DatabaseRolesIT {
  private static final String DATABASE = "two_roles";
  private static final String OWNER = "flagstream_owner";
  private static final String RUNTIME = "flagstream_app";
  private static final String PASSWORD = "a-role-password";

  private static ConfigurableApplicationContext service;
  private static String url;

  @BeforeAll
  static void startAsTheRuntimeRole() throws SQLException {
    PostgresServer server = TestDatabase.server();
    try (Connection superuser =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), server.user(), server.password());
        Statement sql = superuser.createStatement()) {
      for (String role : List.of(OWNER, RUNTIME)) {
        sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
      }
      sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
    }
    url = server.jdbcUrl(DATABASE);
    service =
        new SpringApplicationBuilder(AdminApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + RUNTIME,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.flyway.user=" + OWNER,
                "--spring.flyway.password=" + PASSWORD,
                "--flags.cdc.enabled=false",
                "--flags.session.secure-cookies=false",
                "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
                "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
                "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static Api admin() {
    return new Api(port()).as(TestAccounts.ADMIN_TOKEN);
  }

  private static Connection as(String role) throws SQLException {
    return DriverManager.getConnection(url, role, PASSWORD);
  }

  private static long auditEntries() throws SQLException {
    try (Connection owner = as(OWNER);
        var rows = owner.createStatement().executeQuery("SELECT count(*) FROM audit_log")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void theServiceWorks_asTheRuntimeRole() throws SQLException {
    assertThat(admin().post("/api/admin/flags", "{\"name\":\"roles\"}").status()).isEqualTo(201);
    assertThat(admin().post("/api/admin/flags/roles/toggle", null).status()).isEqualTo(200);
    Api browser = new Api(port());
    assertThat(
            browser
                .post(
                    "/api/auth/login",
                    "{\"email\":\""
                        + TestAccounts.ADMIN_EMAIL
                        + "\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(browser.get("/api/admin/audit").json().valueStream())
        .extracting(entry -> entry.get("action").asString())
        .contains("LOGIN_SUCCEEDED", "FLAG_TOGGLED", "FLAG_CREATED");
    assertThat(admin().get("/health/ready").status()).isEqualTo(200);
    try (Connection owner = as(OWNER);
        var rows =
            owner
                .createStatement()
                .executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo(OWNER);
    }
  }

  private static int port() {
    return ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE audit_log SET target = 'rewritten'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "DROP TABLE audit_log",
        "ALTER TABLE feature_flags ADD COLUMN smuggled TEXT",
        "CREATE TABLE smuggled (id INT)",
        "DELETE FROM flyway_schema_history"
      })
  void theRuntimeRole_cannotRewriteOrUnprotectTheAuditLog_norChangeTheSchema(String statement)
      throws SQLException {
    assertThat(admin().post("/api/admin/flags", "{\"name\":\"audited\"}").status()).isIn(201, 409);
    long before = auditEntries();
    try (Connection runtime = as(RUNTIME);
        Statement sql = runtime.createStatement()) {
      assertThatThrownBy(() -> sql.execute(statement))
          .isInstanceOf(SQLException.class)
          .satisfies(
              e ->
                  assertThat(((SQLException) e).getSQLState())
                      .as("insufficient privilege: %s", e.getMessage())
                      .isEqualTo("42501"));
    }
    assertThat(auditEntries()).isEqualTo(before).isPositive();
  }
}
