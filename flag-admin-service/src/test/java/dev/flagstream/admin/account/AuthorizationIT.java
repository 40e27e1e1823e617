package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every role: 401 without valid credentials, 403 for a role that may not,
 * neither revealing whether a flag exists, and nothing changed by a refused call.
 */
class AuthorizationIT extends AdminServiceIntegration {
  private static final String EXISTING = "/api/admin/flags/existing";
  private static final String MISSING = "/api/admin/flags/missing";

  @BeforeEach
  void existingFlag() {
    assertThat(admin.post("/api/admin/flags", "{\"name\":\"existing\"}").status()).isEqualTo(201);
  }

  enum Needs {
    VIEWER,
    EDITOR,
    ADMIN
  }

  record Call(String label, Needs needs, Function<Api, Response> send) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Call> calls() {
    String user = UUID.randomUUID().toString();
    return Stream.of(
        new Call("list flags", Needs.VIEWER, api -> api.get("/api/admin/flags")),
        new Call("get flag", Needs.VIEWER, api -> api.get(EXISTING)),
        new Call("evaluate flag", Needs.VIEWER, api -> api.get(EXISTING + "/evaluate?userId=u")),
        new Call("read audit", Needs.VIEWER, api -> api.get("/api/admin/audit")),
        new Call(
            "create flag",
            Needs.EDITOR,
            api -> api.post("/api/admin/flags", "{\"name\":\"new-one\"}")),
        new Call("patch flag", Needs.EDITOR, api -> api.patch(EXISTING, "{\"description\":\"x\"}")),
        new Call("toggle flag", Needs.EDITOR, api -> api.post(EXISTING + "/toggle", null)),
        new Call(
            "rollout",
            Needs.EDITOR,
            api -> api.put(EXISTING + "/rollout", "{\"rolloutPercentage\":1}")),
        new Call(
            "revert flag", Needs.EDITOR, api -> api.post(EXISTING + "/revert", "{\"auditId\":1}")),
        new Call("delete flag", Needs.EDITOR, api -> api.delete(EXISTING)),
        new Call("list users", Needs.ADMIN, api -> api.get("/api/admin/users")),
        new Call(
            "create user",
            Needs.ADMIN,
            api ->
                api.post(
                    "/api/admin/users",
                    "{\"email\":\"x@example.com\",\"password\":\"a-long-password-1\",\"role\":\"VIEWER\"}")),
        new Call(
            "change user",
            Needs.ADMIN,
            api -> api.patch("/api/admin/users/" + user, "{\"role\":\"ADMIN\"}")),
        new Call("delete user", Needs.ADMIN, api -> api.delete("/api/admin/users/" + user)),
        new Call("metrics", Needs.ADMIN, api -> api.get("/metrics")),
        new Call("prometheus", Needs.ADMIN, api -> api.get("/prometheus")),
        new Call("info", Needs.ADMIN, api -> api.get("/info")),
        new Call("list all tokens", Needs.ADMIN, api -> api.get("/api/auth/tokens?all=true")),
        // two-factor sign-in (twofactor package)
        new Call(
            "read two-factor requirement", Needs.ADMIN, api -> api.get("/api/admin/two-factor")),
        new Call(
            "require two-factor",
            Needs.ADMIN,
            api -> api.put("/api/admin/two-factor", "{\"requiredForRoles\":[]}")),
        new Call(
            "reset two-factor",
            Needs.ADMIN,
            api -> api.delete("/api/admin/users/" + user + "/2fa")));
  }

  static Stream<Arguments> callsAndCallers() {
    return calls()
        .flatMap(
            call ->
                Stream.of(Needs.values())
                    .filter(role -> role.ordinal() < call.needs().ordinal())
                    .map(role -> Arguments.of(call, role)));
  }

  private Api as(Needs role) {
    return switch (role) {
      case VIEWER -> viewer;
      case EDITOR -> editor;
      case ADMIN -> admin;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void withoutCredentials_is401_andChangesNothing(Call call) {
    Response response = unchanged(() -> call.send().apply(anonymous));
    problem(response, 401);
    assertThat(response.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void withAnUnknownToken_is401_andChangesNothing(Call call) {
    problem(unchanged(() -> call.send().apply(anonymous.as("fst_not-a-real-token"))), 401);
    problem(
        unchanged(() -> call.send().apply(anonymous.withHeader("Authorization", "Basic YTpi"))),
        401);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("callsAndCallers")
  void aRoleBelowTheNeededOne_is403_andChangesNothing(Call call, Needs role) {
    problem(unchanged(() -> call.send().apply(as(role))), 403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void theNeededRole_getsThrough(Call call) {
    int status = call.send().apply(as(call.needs())).status();
    assertThat(status).as(call.label()).isNotIn(401, 403);
  }

  @Test
  void refusals_doNotRevealWhetherAFlagExists() {
    for (Api caller : new Api[] {anonymous, viewer}) {
      Response existing = caller.delete(EXISTING);
      Response missing = caller.delete(MISSING);
      assertThat(missing.status()).isEqualTo(existing.status()).isIn(401, 403);
      assertThat(missing.json().get("detail")).isEqualTo(existing.json().get("detail"));
    }
    assertThat(anonymous.get(MISSING).status())
        .isEqualTo(anonymous.get(EXISTING).status())
        .isEqualTo(401);
  }

  @Test
  void expiredAndRevokedTokens_are401() {
    var tokens = context().getBean(TokenRepository.class);
    var users = context().getBean(UserRepository.class);
    User editorUser = users.findByEmail(TestAccounts.EDITOR_EMAIL).orElseThrow().user();
    String expired = "fst_expired-" + UUID.randomUUID();
    tokens.insert(editorUser.id(), "expired", expired, Instant.now().minusSeconds(1));
    problem(anonymous.as(expired).get("/api/admin/flags"), 401);

    String revoked = "fst_revoked-" + UUID.randomUUID();
    ApiToken token = tokens.insert(editorUser.id(), "revoked", revoked, null);
    assertThat(anonymous.as(revoked).get("/api/admin/flags").status()).isEqualTo(200);
    tokens.revoke(token.id());
    problem(anonymous.as(revoked).get("/api/admin/flags"), 401);
  }

  @Test
  void tokens_neverCreateSessions() {
    long before = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    admin.get("/api/admin/flags");
    editor.post("/api/admin/flags", "{\"name\":\"b\"}");
    assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single())
        .isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void aMetricsKey_readsTheMetrics_andNothingElse(Call call) {
    Api scraper = anonymous.as(METRICS_KEY);
    if (call.label().equals("metrics") || call.label().equals("prometheus")) {
      assertThat(call.send().apply(scraper).status()).isEqualTo(200);
    } else {
      problem(unchanged(() -> call.send().apply(scraper)), 403);
    }
  }

  @Test
  void aMetricsKey_readsPrometheusText_andNoFlagsOrAccounts() {
    Api scraper = anonymous.as(METRICS_KEY);
    Response scraped = scraper.get("/prometheus");
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    assertThat(scraper.get("/metrics/jvm.memory.used").status()).isEqualTo(200);
    problem(scraper.get("/api/flags/snapshot"), 403);
    problem(scraper.get("/api/auth/me"), 403);
    problem(anonymous.as(SERVER_KEY).get("/prometheus"), 403);
  }

  @Test
  void healthDetails_areShownToAdminsOnly() {
    for (Api caller :
        new Api[] {
          anonymous, viewer, editor, anonymous.as(SERVER_KEY), anonymous.as(METRICS_KEY)
        }) {
      var health = caller.get("/health").json();
      assertThat(health.get("components").valueStream())
          .as("components without details")
          .isNotEmpty()
          .allSatisfy(component -> assertThat(component.has("details")).isFalse());
    }
    var health = admin.get("/health").json();
    assertThat(health.get("components").get("migrations").get("details").has("version")).isTrue();
  }

  @Test
  void healthNeedsNoCredentials() {
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
    assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
  }
}
