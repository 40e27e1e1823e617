package dev.flagstream.admin.session;

import static dev.flagstream.admin.fixtures.Browsers.csrfToken;
import static dev.flagstream.admin.fixtures.Browsers.presenting;
import static dev.flagstream.admin.fixtures.Browsers.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.AdminApplication;
import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.LocalPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two admin replicas on two ports, one PostgreSQL: a session started on one works on both, and once
 * ended through either it is refused on its very next request on both, with no wait.
 */
class SessionReplicasIT {
  private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  private static int first;
  private static int second;

  @BeforeAll
  static void twoReplicas() {
    String database = TestDatabase.server().createDatabaseIfMissing("session_replicas");
    first = start(database);
    second = start(database);
    assertThat(first).isNotEqualTo(second);
  }

  private static int start(String database) {
    ConfigurableApplicationContext replica =
        new SpringApplicationBuilder(AdminApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=",
                "--flags.bootstrap.admin.email=" + TestAccounts.ADMIN_EMAIL,
                "--flags.bootstrap.admin.password=" + TestAccounts.PASSWORD,
                "--flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
                "--flags.cdc.enabled=false",
                "--flags.session.secure-cookies=false");
    replicas.add(replica);
    return ((WebServerApplicationContext) replica).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    replicas.forEach(ConfigurableApplicationContext::close);
  }

  private static String newUser(String role) {
    String email = "replicas-" + System.nanoTime() + "@example.com";
    Response created =
        new Api(first)
            .as(TestAccounts.ADMIN_TOKEN)
            .post(
                "/api/admin/users",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + TestAccounts.PASSWORD
                    + "\",\"role\":\""
                    + role
                    + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return email;
  }

  /** The status of {@code GET /api/auth/me} on that port, presenting that session cookie. */
  private static int me(int port, String cookie) {
    return new Api(port).get("/api/auth/me", presenting(cookie)).status();
  }

  @Test
  void aSessionEndedThroughOneReplica_isRefusedAtOnceOnBoth() {
    String email = newUser("VIEWER");
    Api laptopOnFirst = Browsers.signedIn(first, email, TestAccounts.PASSWORD, "Laptop/1.0");
    Api phoneOnSecond = Browsers.signedIn(second, email, TestAccounts.PASSWORD, "Phone/2.0");
    String laptop = sessionCookie(laptopOnFirst);
    assertThat(me(first, laptop)).isEqualTo(200);
    assertThat(me(second, laptop)).as("one store for both replicas").isEqualTo(200);

    String laptopSession =
        phoneOnSecond
            .get("/api/auth/sessions")
            .json()
            .valueStream()
            .filter(s -> s.get("userAgent").asString().equals("Laptop/1.0"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asString();
    Response ended =
        phoneOnSecond.delete(
            "/api/auth/sessions/" + laptopSession, "X-XSRF-TOKEN", csrfToken(phoneOnSecond));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(204);

    assertThat(me(first, laptop)).isEqualTo(401);
    assertThat(me(second, laptop)).isEqualTo(401);
    assertThat(laptopOnFirst.get("/api/auth/me").status()).isEqualTo(401);
    assertThat(me(first, sessionCookie(phoneOnSecond))).isEqualTo(200);
  }

  @Test
  void everySessionEndedByAnAdminOnOneReplica_isRefusedAtOnceOnBoth() {
    String email = newUser("EDITOR");
    String onFirst =
        sessionCookie(Browsers.signedIn(first, email, TestAccounts.PASSWORD, "Laptop/1.0"));
    String onSecond =
        sessionCookie(Browsers.signedIn(second, email, TestAccounts.PASSWORD, "Phone/2.0"));
    String userId =
        new Api(first).get("/api/auth/me", presenting(onFirst)).json().get("id").asString();

    Response ended =
        new Api(second)
            .as(TestAccounts.ADMIN_TOKEN)
            .delete("/api/admin/users/" + userId + "/sessions");
    assertThat(ended.status()).as(ended.toString()).isEqualTo(204);

    for (int port : new int[] {first, second}) {
      assertThat(me(port, onFirst)).isEqualTo(401);
      assertThat(me(port, onSecond)).isEqualTo(401);
    }
  }
}
