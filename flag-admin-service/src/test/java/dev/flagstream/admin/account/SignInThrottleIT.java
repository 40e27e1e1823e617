package dev.flagstream.admin.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Sign-in resists guessing: failures make the account and the address wait, longer each time,
 * answered with 429 and Retry-After before any password is checked; a busy server refuses at once.
 * A refused attempt changes nothing but the audit log, which records the first refusal of each
 * wait. Guessing the current password of a password change counts alike. Time is the test's clock,
 * so waiting means moving it on.
 */
class SignInThrottleIT extends AdminServiceIntegration {
  private static final TestClock CLOCK = new TestClock(Instant.now());
  private static final String WRONG = "not-the-right-password";

  @TestBean Clock clock;
  @Autowired HashPermits permits;

  static Clock clock() {
    return CLOCK;
  }

  private Response signIn(String email, String password) {
    return anonymous.post(
        "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private static void throttled(Response response, String retryAfter) {
    problem(response, 429);
    assertThat(response.header("Retry-After")).contains(retryAfter);
  }

  /**
   * Runs {@code request}, the first refused of its wait, and asserts that it changed nothing but
   * add one {@code LOGIN_THROTTLED} entry to the audit log.
   */
  private Response auditedOnce(Supplier<Response> request) {
    var before = databaseState();
    Response response = request.get();
    var after = databaseState();
    for (String table : List.of("flags", "users", "tokens")) {
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
    }
    assertThat(failureCounts(after)).isEqualTo(failureCounts(before));
    assertThat(after.get("audit")).startsWith(before.get("audit").toArray(String[]::new));
    assertThat(after.get("audit").subList(before.get("audit").size(), after.get("audit").size()))
        .singleElement()
        .satisfies(entry -> assertThat(entry).contains("\"action\":\"LOGIN_THROTTLED\""));
    return response;
  }

  private static List<String> failureCounts(java.util.Map<String, List<String>> state) {
    return state.get("sign-in failures").stream()
        .map(row -> row.replaceAll(",\"refusal_audited_until\":[^,}]*", ""))
        .toList();
  }

  @Test
  void repeatedFailures_throttleTheAccount_whileAnotherAccountStillSignsIn() {
    for (int i = 0; i < 6; i++) {
      problem(signIn(TestAccounts.EDITOR_EMAIL, WRONG), 401);
    }
    try (SecurityEventLog log = SecurityEventLog.capture()) {
      throttled(auditedOnce(() -> signIn(TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD)), "1");
      assertThat(log.events("auth.throttled"))
          .singleElement()
          .satisfies(event -> assertThat(event).containsEntry("reason", "too-many-failures"));
    }
    throttled(unchanged(() -> signIn(" Editor@Example.COM", WRONG)), "1");
    assertThat(signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(signIn(TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD).status()).isEqualTo(200);
    problem(signIn(TestAccounts.EDITOR_EMAIL, WRONG), 401); // success forgave the failures
  }

  @Test
  void eachFurtherFailure_doublesTheWait_upToAMinute_andUnknownEmailsAreThrottledAlike() {
    String ghost = "ghost@example.com";
    for (int i = 0; i < 5; i++) {
      problem(signIn(ghost, WRONG), 401);
    }
    long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
    for (long seconds : expected) {
      problem(signIn(ghost, WRONG), 401);
      throttled(auditedOnce(() -> signIn(ghost, WRONG)), Long.toString(seconds));
      throttled(unchanged(() -> signIn(ghost, WRONG)), Long.toString(seconds));
      CLOCK.advance(Duration.ofSeconds(seconds));
    }
  }

  @Test
  void manyFailuresFromOneAddress_throttleEveryAccountSignedInFromThere() {
    for (int i = 0; i < 21; i++) {
      problem(signIn("sprayed-" + i + "@example.com", WRONG), 401);
    }
    throttled(auditedOnce(() -> signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD)), "1");
    throttled(unchanged(() -> signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD)), "1");
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aThrottledSignIn_isAudited_withItsTargetAndReason() {
    String viewerId = viewer.get("/api/auth/me").json().get("id").asString();
    for (int i = 0; i < 6; i++) {
      problem(signIn(TestAccounts.VIEWER_EMAIL, WRONG), 401);
    }
    throttled(signIn(TestAccounts.VIEWER_EMAIL, WRONG), "1");
    var entry = admin.get("/api/admin/audit?action=LOGIN_THROTTLED").json().get(0);
    assertThat(entry.get("target").asString()).isEqualTo(viewerId);
    assertThat(entry.get("actorEmail").asString()).isEqualTo("anonymous");
    assertThat(entry.get("outcome").asString()).isEqualTo("THROTTLED");
    assertThat(entry.get("after").get("reason").asString()).isEqualTo("too-many-failures");
    assertThat(entry.get("clientAddress").asString()).isNotBlank();
    assertThat(viewer.get("/api/admin/audit?action=LOGIN_THROTTLED").json().isEmpty())
        .as("only admins see it")
        .isTrue();
  }

  @Test
  void guessingTheCurrentPasswordOfAPasswordChange_isThrottled_likeSigningIn() {
    String email = "guessed-" + System.nanoTime() + "@example.com";
    assertThat(
            admin
                .post(
                    "/api/admin/users",
                    "{\"email\":\""
                        + email
                        + "\",\"password\":\""
                        + TestAccounts.PASSWORD
                        + "\",\"role\":\"VIEWER\"}")
                .status())
        .isEqualTo(201);
    Api browser = Browsers.signedIn(port, email, TestAccounts.PASSWORD, "Laptop/1.0");
    String csrf = Browsers.csrfToken(browser);
    Supplier<Response> change =
        () ->
            browser.post(
                "/api/auth/password",
                "{\"currentPassword\":\""
                    + TestAccounts.PASSWORD
                    + "\",\"newPassword\":\"a-new-and-rather-long-one\"}",
                "X-XSRF-TOKEN",
                csrf);
    for (int i = 0; i < 6; i++) {
      invalid(
          browser.post(
              "/api/auth/password",
              "{\"currentPassword\":\"guess-"
                  + i
                  + "\",\"newPassword\":\"a-new-and-rather-long-one\"}",
              "X-XSRF-TOKEN",
              csrf),
          "currentPassword");
    }
    throttled(change.get(), "1");
    throttled(unchanged(change), "1");
    throttled(unchanged(() -> signIn(email, TestAccounts.PASSWORD)), "1");
    assertThat(
            admin
                .get("/api/admin/audit?action=PASSWORD_CHANGE_FAILED")
                .json()
                .valueStream()
                .map(e -> e.get("after").get("reason").asString()))
        .containsExactly(
            "too-many-failures",
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "wrong-password",
            "wrong-password");

    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(change.get().status()).isEqualTo(204);
  }

  @Test
  void failures_areForgotten_anHourAfterTheLast() {
    for (int i = 0; i < 5; i++) {
      problem(signIn(TestAccounts.EDITOR_EMAIL, WRONG), 401);
    }
    problem(signIn("someone-else@example.com", WRONG), 401);
    CLOCK.advance(Duration.ofMinutes(61));
    for (int i = 0; i < 5; i++) {
      problem(signIn(TestAccounts.EDITOR_EMAIL, WRONG), 401);
    }
    assertThat(
            jdbc.sql("SELECT failures FROM sign_in_throttle WHERE subject LIKE 'account:%'")
                .query(Integer.class)
                .list())
        .as("the editor's count started afresh; the other account's row was cleared away")
        .containsExactly(5);
  }

  @Test
  void parallelSignIns_beyondTheHashCap_get429AtOnce_withRetryAfter_andChangeNothing() {
    int taken = permits.drain();
    try {
      var before = databaseState();
      List<Response> refused =
          parallel(16, () -> signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD));
      assertThat(refused).hasSize(16).allSatisfy(response -> throttled(response, "1"));
      assertThat(databaseState()).isEqualTo(before);
    } finally {
      permits.release(taken);
    }

    List<Response> answered =
        parallel(24, () -> signIn(TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD));
    assertThat(answered)
        .allSatisfy(
            response -> {
              assertThat(response.status()).as(response.toString()).isIn(200, 429);
              if (response.status() == 429) {
                throttled(response, "1");
              }
            })
        .anySatisfy(response -> assertThat(response.status()).isEqualTo(200));
    assertThat(permits.peak()).isLessThanOrEqualTo(permits.size());
  }

  /** Sends {@code count} requests at once, each from a thread of its own. */
  private static List<Response> parallel(int count, Supplier<Response> request) {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<CompletableFuture<Response>> calls =
          IntStream.range(0, count)
              .mapToObj(i -> CompletableFuture.supplyAsync(request, threads))
              .toList();
      return calls.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdown();
    }
  }
}
