package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.RawHttp;
import dev.flagstream.e2e.fixtures.SharedPlatform;
import dev.flagstream.local.platform.LocalPlatform;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trust boundary probed from outside, against the running platform: paths spelled the ways
 * routers and filters have disagreed on (percent-encoding, {@code ;} parameters, doubled slashes,
 * dot segments) never let a caller without the right credential read or change anything, and every
 * refusal is a problem, never a container's HTML page.
 */
class TrustBoundaryIT {
  private static final String SECRET_USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String FLAG = "hidden-" + UUID.randomUUID().toString().substring(0, 8);

  private static LocalPlatform platform;
  private static int evaluatorPort;
  private static int adminPort;
  private static String clientKey;

  @BeforeAll
  static void start() {
    platform = SharedPlatform.get();
    evaluatorPort = platform.evaluator().port();
    adminPort = platform.admin().port();
    clientKey = platform.credentials().clientKey();
    Http admin = new Http(platform.admin().url(), platform.credentials().token());
    String token =
        admin
            .post(
                "/api/admin/flags",
                "{\"name\":\""
                    + FLAG
                    + "\",\"enabled\":true,\"rolloutPercentage\":0,\"userAllowlist\":[\""
                    + SECRET_USER
                    + "\"]}")
            .header("Flagstream-Revision");
    Http sdk = new Http(platform.evaluator().url(), platform.credentials().serverKey());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sdk.send("GET", "/api/flags/snapshot", null, "Flagstream-Revision", token)
                    .body()
                    .contains(SECRET_USER));
  }

  static Stream<Arguments> definitionsBehindOddPaths() {
    List<String> paths =
        List.of(
            "/%61pi/flags/snapshot",
            "/api;x/flags/snapshot",
            "/api/flags/%73napshot",
            "/api/flags/snapshot;x",
            "/api/flags/snapshot;jsessionid=1",
            "//api/flags/snapshot",
            "/api//flags/snapshot",
            "/api/./flags/snapshot",
            "/api/flags/x/../snapshot",
            "/api/flags/%2e%2e/flags/snapshot",
            "/api/flags/..%2fflags/snapshot",
            "/api/flags/snapshot%2f",
            "/api/flags/snapshot/",
            "/api/flags/snapshot%00",
            "/API/flags/snapshot",
            "/api/flags/snapshot.json",
            "/api/flags/%2561pi",
            "/%61pi/flags/" + FLAG + "/evaluation?userId=" + SECRET_USER,
            "/api;x/evaluations",
            "/%61pi/flags/stream?userId=u",
            "/%70rometheus",
            "/prometheus",
            "/metrics",
            "/info",
            "/health;x",
            "/health/%2e%2e/metrics");
    return Stream.of(null, clientKey)
        .flatMap(key -> paths.stream().map(path -> Arguments.of(path, key)));
  }

  @ParameterizedTest(name = "evaluator {0} with key {1}")
  @MethodSource("definitionsBehindOddPaths")
  void theEvaluator_neverShowsDefinitionsOrInternals_withoutAServerKey(
      String path, @Nullable String key) {
    String method = path.contains("/evaluations") ? "POST" : "GET";
    String body = method.equals("GET") ? null : "{}";
    RawHttp.Reply reply =
        key == null
            ? new RawHttp(evaluatorPort).send(method, path, body)
            : new RawHttp(evaluatorPort).send(method, path, body, "Authorization", "Bearer " + key);

    assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertThat(reply.body()).doesNotContain(SECRET_USER).doesNotContain("jvm_");
  }

  @ParameterizedTest(name = "evaluator {0}")
  @MethodSource("probes")
  void theEvaluatorsProbes_arePublic_andTellStatusOnly(String path) {
    RawHttp.Reply reply = new RawHttp(evaluatorPort).get(path);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("UP").doesNotContain("revision").doesNotContain("digest");
  }

  static Stream<String> probes() {
    return Stream.of("/health/live", "/health/ready");
  }

  static Stream<String> adminOddPaths() {
    return Stream.of(
        "/api/admin/%75sers",
        "/api;x/admin/users",
        "/api/admin/users;x",
        "//api/admin/users",
        "/api/admin//users",
        "/%61pi/admin/users",
        "/api/admin/flags/..%2f..%2fetc%2fpasswd",
        "/api/admin/flags/%2e%2e/%2e%2e/admin/users",
        "/api/admin/./users",
        "/api/%73napshot",
        "/api/snapshot;x",
        "/api/flags/%73napshot",
        "/api/flags/snapshot;x",
        "//api/flags/snapshot",
        "/%70rometheus");
  }

  @ParameterizedTest(name = "admin {0}")
  @MethodSource("adminOddPaths")
  void theAdmin_refusesOddPathsWithoutCredentials_withAProblem_andChangesNothing(String path) {
    Http admin = new Http(platform.admin().url(), platform.credentials().token());
    String before = admin.get("/api/admin/audit").body();

    for (String method : List.of("GET", "POST", "DELETE")) {
      RawHttp.Reply reply =
          new RawHttp(adminPort).send(method, path, method.equals("GET") ? null : "{}");
      assertThat(reply.status()).as(method + " " + reply).isBetween(400, 499);
      assertThat(reply.isProblem()).as(method + " " + reply).isTrue();
      assertThat(reply.body()).doesNotContain(SECRET_USER).doesNotContain("@flagstream");
    }

    assertThat(admin.get("/api/admin/audit").body()).isEqualTo(before);
  }
}
