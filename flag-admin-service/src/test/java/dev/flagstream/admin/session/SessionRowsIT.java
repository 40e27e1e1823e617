package dev.flagstream.admin.session;

import static dev.flagstream.admin.fixtures.Browsers.csrfToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A user's sessions come back whole whichever plan PostgreSQL picks to join the sessions with their
 * attributes. Here it is made to hash-join them, as it does by itself once the tables are large:
 * the rows then come in the attributes' physical order, in which a session whose attribute was
 * rewritten after another session started is no longer in one piece.
 */
class SessionRowsIT {
  private static final String DATABASE = "session_rows";
  private static ConfigurableApplicationContext admin;
  private static int port;

  @BeforeAll
  static void anAdminWhoseDatabaseHashJoins() throws SQLException {
    String url = TestDatabase.server().createDatabaseIfMissing(DATABASE);
    try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + DATABASE + " SET enable_nestloop = off");
      statement.execute("ALTER DATABASE " + DATABASE + " SET enable_mergejoin = off");
    }
    admin =
        new SpringApplicationBuilder(AdminApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
                "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
                "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
                "--flags.cdc.enabled=false",
                "--flags.session.secure-cookies=false");
    port = ((WebServerApplicationContext) admin).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    admin.close();
  }

  @Test
  void aSessionSeenAgainAfterAnotherStarted_isListedAndCountedWhenEnded() {
    String email = "rows-" + System.nanoTime() + "@example.com";
    Api token = new Api(port).as(TestAccounts.ADMIN_TOKEN);
    Response created =
        token.post(
            "/api/admin/users",
            "{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"VIEWER\"}"
                .formatted(email, TestAccounts.PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Api laptop = Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Laptop/1.0");
    Api phone = Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Phone/2.0");
    Api tablet = Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Tablet/3.0");
    // Each request rewrites its session's last-seen attribute, behind the later sessions' rows.
    assertThat(phone.get("/api/auth/me").status()).isEqualTo(200);
    assertThat(laptop.get("/api/auth/me").status()).isEqualTo(200);

    Response listed = laptop.get("/api/auth/sessions");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().valueStream().map(s -> s.get("userAgent").asString()))
        .containsExactlyInAnyOrder("Laptop/1.0", "Phone/2.0", "Tablet/3.0");

    Response ended = laptop.delete("/api/auth/sessions", "X-XSRF-TOKEN", csrfToken(laptop));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
    assertThat(phone.get("/api/auth/me").status()).isEqualTo(401);
    assertThat(tablet.get("/api/auth/me").status()).isEqualTo(401);
    JsonNode entry =
        token
            .get("/api/admin/audit?action=OTHER_SESSIONS_REVOKED")
            .json()
            .valueStream()
            .findFirst()
            .orElseThrow();
    assertThat(entry.get("after").get("revoked").asInt()).isEqualTo(2);
  }
}
