package dev.flagstream.admin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * By default a session ends after 30 minutes without a request, and 12 hours after signing in
 * however active it is; both on the service's clock, which the test moves instead of waiting. An
 * ended session is refused, left out of the list, and removed from the store.
 */
class SessionLifetimeIT extends AdminServiceIntegration {
  private static final TestClock CLOCK = new TestClock(Instant.now());

  @TestBean Clock clock;
  @Autowired SessionPolicy policy;

  private String email;
  private String userId;

  static Clock clock() {
    return CLOCK;
  }

  @BeforeEach
  void aUserOfTheirOwn() {
    email = "lifetime-" + System.nanoTime() + "@example.com";
    var created =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\"VIEWER\"}");
    assertThat(created.status()).isEqualTo(201);
    userId = created.json().get("id").asString();
  }

  private Api signedIn(String userAgent) {
    return Browsers.signedIn(port, email, TestAccounts.PASSWORD, userAgent);
  }

  private static int me(Api browser) {
    return browser.get("/api/auth/me").status();
  }

  private long storedSessions() {
    return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  @Test
  void defaults_areThirtyMinutesIdle_andTwelveHoursAfterSignIn() {
    signedIn("Laptop/1.0");
    assertThat(
            jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(userId)
                .query(Integer.class)
                .single())
        .isEqualTo(30 * 60);
    assertThat(policy.absoluteTimeout()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aSession_endsAfterThirtyMinutesWithoutARequest_andEachRequestRestartsThatTime() {
    Api browser = signedIn("Laptop/1.0");
    var listed = browser.get("/api/auth/sessions").json().get(0);
    assertThat(
            Duration.between(
                Instant.parse(listed.get("lastSeenAt").asString()),
                Instant.parse(listed.get("expiresAt").asString())))
        .isEqualTo(Duration.ofMinutes(30));

    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(me(browser)).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(29));
    assertThat(me(browser))
        .as("58 minutes after sign-in, 29 after the last request")
        .isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(30));
    assertThat(me(browser)).as("exactly 30 minutes idle: not yet").isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(30).plusSeconds(1));
    problem(browser.get("/api/auth/me"), 401);
    assertThat(storedSessions()).as("the ended session is gone, not just ignored").isZero();
  }

  @Test
  void aSession_endsTwelveHoursAfterSignIn_howeverActive() {
    Api browser = signedIn("Laptop/1.0");
    Duration elapsed = Duration.ZERO;
    while (elapsed.plusMinutes(25).compareTo(Duration.ofHours(12)) < 0) {
      CLOCK.advance(Duration.ofMinutes(25));
      elapsed = elapsed.plusMinutes(25);
      assertThat(me(browser)).as("%s after sign-in", elapsed).isEqualTo(200);
    }
    CLOCK.advance(Duration.ofHours(12).minus(elapsed).minusMinutes(1));
    assertThat(me(browser)).as("11 h 59 min after sign-in").isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(2));
    problem(browser.get("/api/auth/me"), 401);
    assertThat(storedSessions()).isZero();
  }

  @Test
  void sessionsPastTheirTime_areLeftOutOfTheList() {
    Api early = signedIn("Early/1.0");
    CLOCK.advance(Duration.ofMinutes(20));
    Api late = signedIn("Late/1.0");
    CLOCK.advance(Duration.ofMinutes(15));
    var listed = late.get("/api/auth/sessions").json();
    assertThat(listed.valueStream().map(s -> s.get("userAgent").asString()))
        .containsExactly("Late/1.0");
    problem(early.get("/api/auth/me"), 401);
  }
}
