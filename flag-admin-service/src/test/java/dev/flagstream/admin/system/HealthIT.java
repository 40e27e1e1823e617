package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestDatabase;
import dev.flagstream.local.infrastructure.TcpProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Readiness follows the database: reachable and migrated, or 503. Liveness does not. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flags.bootstrap.token=" + TestAccounts.ADMIN_TOKEN,
      "spring.datasource.hikari.connection-timeout=1000",
      "spring.datasource.hikari.validation-timeout=500",
      "flags.cdc.enabled=false"
    })
@ExtendWith(OutputCaptureExtension.class)
class HealthIT {
  private static final TcpProxy DATABASE_LINK =
      TcpProxy.to(TestDatabase.server().host(), TestDatabase.server().port());

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    TestDatabase.server().createDatabaseIfMissing("health");
    properties.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://localhost:" + DATABASE_LINK.port() + "/health");
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void closeLink() {
    DATABASE_LINK.close();
  }

  @Test
  void requests_areTimedWhole_notFilterByFilter() {
    Api admin = new Api(port).as(TestAccounts.ADMIN_TOKEN);
    assertThat(admin.get("/api/admin/flags").status()).isEqualTo(200);
    var names = admin.get("/metrics").json().get("names");
    assertThat(names.valueStream().map(name -> name.asString()))
        .contains("http.server.requests")
        .noneMatch(name -> name.startsWith("spring.security."));
  }

  @Test
  void health_isJson_withTheGroupsOnTheMainPort() {
    Api api = new Api(port);
    var health = api.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(health.json().has("components"))
        .as("components, without details, for anyone")
        .isTrue();
    assertThat(api.get("/health/live").json().get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/health/ready").json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void apiCalls_are503ProblemsWithRetryAfter_whileTheDatabaseIsUnreachable_andRecover(
      CapturedOutput output) {
    Api admin = new Api(port).as(TestAccounts.ADMIN_TOKEN);
    assertThat(admin.get("/api/admin/flags").status()).isEqualTo(200);
    try {
      DATABASE_LINK.cut();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Response read = admin.get("/api/admin/flags");
                assertThat(read.status()).as(read.toString()).isEqualTo(503);
                assertThat(read.header("Content-Type"))
                    .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(read.header("Retry-After")).contains("5");
                assertThat(read.json().get("type").asString())
                    .isEqualTo("https://flagstream.dev/problems/service-unavailable");
              });
      Response refused = admin.post("/api/admin/flags", "{\"name\":\"during-outage\"}");
      assertThat(refused.status()).isEqualTo(503);
      String requestId = refused.header(RequestIds.HEADER).orElseThrow();
      assertThat(output.getOut())
          .as("the log names the request, as the caller sees it")
          .contains("Request " + requestId + " found the database unavailable");
    } finally {
      DATABASE_LINK.restore();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(admin.get("/api/admin/flags").status()).isEqualTo(200));
    assertThat(admin.get("/api/admin/flags/during-outage").status())
        .as("the refused write changed nothing")
        .isEqualTo(404);
  }

  @Test
  void ready_is503_whileTheDatabaseIsUnreachable_andRecovers() {
    Api api = new Api(port);
    try {
      DATABASE_LINK.cut();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(api.get("/health/ready").status()).isEqualTo(503));
      assertThat(api.get("/health/live").status()).as("the process itself is fine").isEqualTo(200);
    } finally {
      DATABASE_LINK.restore();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(api.get("/health/ready").status()).isEqualTo(200));
  }
}
