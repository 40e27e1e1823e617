package dev.flagstream.admin.twofactor;

import static dev.flagstream.admin.fixtures.Browsers.presenting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in as a person lives it, against the real service and PostgreSQL: set it up, turn
 * it on, sign in in two steps, use a recovery code, turn it off. Codes are accepted once, from one
 * period either side of now at most, and wrong ones are throttled like wrong passwords.
 */
class TwoFactorSignInIT extends TwoFactorIntegration {

  @Test
  void setupVerifyLoginDisable_theWholeCycle() {
    Person person = newUser("EDITOR");
    Api browser = signedIn(person);
    assertThat(browser.get("/api/auth/2fa").json().get("enabled").asBoolean()).isFalse();

    Response setup = write(browser, "/api/auth/2fa/setup", null);
    assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
    String secret = setup.json().get("secret").asString();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(setup.json().get("otpauthUri").asString())
        .isEqualTo(
            "otpauth://totp/Flagstream:"
                + person.email()
                + "?secret="
                + secret
                + "&issuer=Flagstream&algorithm=SHA1&digits=6&period=30");
    assertThat(setup.json().get("qrCodeSvg").asString()).startsWith("<svg ").endsWith("</svg>");
    assertThat(setup.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    byte[] raw = base32(secret);
    assertThat(
            jdbc.sql(
                    "SELECT secret_key_id || ':' || encode(secret_sealed, 'hex') FROM two_factor"
                        + " WHERE user_id = ? AND enabled_at IS NULL")
                .param(person.id())
                .query(String.class)
                .single())
        .as("kept encrypted with the configured key, waiting for its first code")
        .startsWith("tests:")
        .doesNotContain(HexFormat.of().formatHex(raw));
    assertThat(browser.get("/api/auth/2fa").json().get("pending").asBoolean()).isTrue();

    var before = twoFactorState();
    invalid(write(browser, "/api/auth/2fa/verify", code("123456x")), "code");
    assertThat(twoFactorState()).isEqualTo(before);
    String wrong = APP.codeAt(raw, CLOCK.instant().plus(Duration.ofMinutes(10)));
    invalid(write(browser, "/api/auth/2fa/verify", code(wrong)), "code");
    assertThat(audited("LOGIN_TWO_FACTOR_FAILED", person))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("after").get("during").asString()).isEqualTo("enable");
              assertThat(e.get("outcome").asString()).isEqualTo("FAILED");
            });

    Response verified =
        write(browser, "/api/auth/2fa/verify", code(APP.codeAt(raw, CLOCK.instant())));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("recoveryCodes").valueStream().map(JsonNode::asString))
        .hasSize(10)
        .doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).matches("[0-9a-z]{4}(-[0-9a-z]{4}){3}"));
    assertThat(audited("TWO_FACTOR_ENABLED", person)).hasSize(1);
    JsonNode status = browser.get("/api/auth/2fa").json();
    assertThat(status.get("enabled").asBoolean()).isTrue();
    assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
    assertThat(
            jdbc.sql("SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = ?")
                .param(person.id())
                .query(String.class)
                .list())
        .hasSize(10)
        .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    CLOCK.advance(Duration.ofSeconds(30));

    Api next = new Api(port).withHeader("User-Agent", "two-factor-test/1.0");
    Response password = passwordStep(next, person);
    assertThat(password.status()).as(password.toString()).isEqualTo(200);
    assertThat(password.json().get("twoFactorRequired").asBoolean()).isTrue();
    assertThat(Instant.parse(password.json().get("expiresAt").asString()))
        .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
    assertThat(password.json().has("id")).as("no caller before the second step").isFalse();
    String pendingSession = next.cookie(SESSION_COOKIE).orElseThrow();
    problem(next.get("/api/auth/me"), 401);
    problem(next.get("/api/admin/flags"), 401);
    assertThat(audited("LOGIN_PASSWORD_ACCEPTED", person))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("after").get("nextStep").asString()).isEqualTo("two-factor-code"));
    assertThat(audited("LOGIN_SUCCEEDED", person)).as("not signed in yet").hasSize(1);

    Response second = next.post("/api/auth/login/2fa", code(APP.codeAt(raw, CLOCK.instant())));
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().get("email").asString()).isEqualTo(person.email());
    assertThat(next.cookie(SESSION_COOKIE))
        .get()
        .as("a new session id")
        .isNotEqualTo(pendingSession);
    assertThat(next.get("/api/auth/me").status()).isEqualTo(200);
    assertThat(next.get("/api/admin/flags").status()).isEqualTo(200);
    assertThat(new Api(port).get("/api/auth/me", presenting(pendingSession)).status())
        .as("the id from before the second step no longer works")
        .isEqualTo(401);
    assertThat(
            next.get("/api/auth/sessions")
                .json()
                .valueStream()
                .filter(s -> s.get("current").asBoolean()))
        .as("the session the password started, now signed in, with where it came from")
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("userAgent").asString()).isEqualTo("two-factor-test/1.0");
              assertThat(s.get("clientAddress").asString()).isNotBlank();
            });
    assertThat(audited("LOGIN_TWO_FACTOR_SUCCEEDED", person))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actorId").asString()).isEqualTo(person.id().toString());
              assertThat(e.get("outcome").asString()).isEqualTo("SUCCEEDED");
              assertThat(e.get("userAgent").asString()).isEqualTo("two-factor-test/1.0");
              assertThat(e.get("clientAddress").asString()).isNotBlank();
            });
    assertThat(viewer.get("/api/admin/audit?action=LOGIN_TWO_FACTOR_SUCCEEDED").json().size())
        .as("two-factor entries are for admins' eyes")
        .isZero();

    CLOCK.advance(Duration.ofSeconds(30));
    String fresh = APP.codeAt(raw, CLOCK.instant());
    Response wrongPassword =
        write(
            next,
            "/api/auth/2fa/disable",
            "{\"password\":\"not-the-password\",\"code\":\"" + fresh + "\"}");
    problem(wrongPassword, 403);
    assertThat(
            audited("LOGIN_TWO_FACTOR_FAILED", person).get(0).get("after").get("reason").asString())
        .isEqualTo("wrong-password");
    invalid(write(next, "/api/auth/2fa/disable", code(fresh)), "password");
    Response disabled =
        write(
            next,
            "/api/auth/2fa/disable",
            "{\"password\":\"" + TestAccounts.PASSWORD + "\",\"code\":\"" + fresh + "\"}");
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
    assertThat(audited("TWO_FACTOR_DISABLED", person)).hasSize(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = ?")
                .param(person.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(passwordStep(new Api(port), person).json().get("id").asString())
        .as("the password alone signs in again")
        .isEqualTo(person.id().toString());
  }

  @Test
  void recoveryCode_signsInOnce_andIsRefusedTheSecondTime() {
    Person person = newUser("VIEWER");
    Authenticator app = enable(signedIn(person));
    String recoveryCode = app.recoveryCodes().get(3);

    Api first = new Api(port);
    Response used = signIn(first, person, recovery(recoveryCode.toUpperCase()));
    assertThat(used.status()).as(used.toString()).isEqualTo(200);
    assertThat(first.get("/api/auth/me").status()).isEqualTo(200);
    assertThat(audited("LOGIN_RECOVERY_CODE_USED", person))
        .singleElement()
        .satisfies(e -> assertThat(e.get("after").get("recoveryCodesLeft").asInt()).isEqualTo(9));

    Api second = new Api(port);
    problem(signIn(second, person, recovery(recoveryCode)), 401);
    problem(second.get("/api/auth/me"), 401);
    assertThat(audited("LOGIN_TWO_FACTOR_FAILED", person))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("after").get("reason").asString())
                    .isEqualTo("wrong-recovery-code"));
    assertThat(second.post("/api/auth/login/2fa", recovery(app.recoveryCodes().get(4))).status())
        .as("another code still works in the same waiting session")
        .isEqualTo(200);
    assertThat(first.get("/api/auth/2fa").json().get("recoveryCodesLeft").asInt()).isEqualTo(8);
  }

  @Test
  void aCodeAcceptedOnce_isRefusedAgain_insideItsWindow() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    String code = app.code();

    assertThat(signIn(new Api(port), person, code(code)).status()).isEqualTo(200);
    Api replay = new Api(port);
    Response replayed = signIn(replay, person, code(code));
    problem(replayed, 401);
    assertThat(audited("LOGIN_TWO_FACTOR_FAILED", person))
        .singleElement()
        .satisfies(
            e -> assertThat(e.get("after").get("reason").asString()).isEqualTo("replayed-code"));
    assertThat(replay.post("/api/auth/login/2fa", code(app.code(-1))).status())
        .as("nor an earlier one")
        .isEqualTo(401);
    assertThat(replay.post("/api/auth/login/2fa", code(app.code(1))).status())
        .as("a later one is")
        .isEqualTo(200);
  }

  @Test
  void theCodeThatTurnedTwoFactorOn_cannotSignIn() {
    Person person = newUser("EDITOR");
    Api browser = signedIn(person);
    Response setup = write(browser, "/api/auth/2fa/setup", null);
    byte[] secret = base32(setup.json().get("secret").asString());
    String first = APP.codeAt(secret, CLOCK.instant());
    assertThat(write(browser, "/api/auth/2fa/verify", code(first)).status()).isEqualTo(200);

    problem(signIn(new Api(port), person, code(first)), 401);
  }

  @Test
  void drift_oneStepEitherWay_isAccepted_twoStepsAreNot() {
    Person person = newUser("ADMIN");
    Authenticator app = enable(signedIn(person));
    CLOCK.advance(Duration.ofMinutes(10));

    Api browser = new Api(port);
    problem(signIn(browser, person, code(app.code(-2))), 401);
    problem(browser.post("/api/auth/login/2fa", code(app.code(2))), 401);
    assertThat(browser.post("/api/auth/login/2fa", code(app.code(-1))).status()).isEqualTo(200);

    assertThat(signIn(new Api(port), person, code(app.code(1))).status()).isEqualTo(200);
  }

  @Test
  void wrongCodes_areThrottledLikeWrongPasswords_andThePasswordAloneForgivesNothing() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    Api browser = new Api(port);
    assertThat(passwordStep(browser, person).status()).isEqualTo(200);
    String wrong = app.code(5);
    for (int i = 0; i < 6; i++) {
      problem(browser.post("/api/auth/login/2fa", code(wrong)), 401);
    }

    Response throttled = browser.post("/api/auth/login/2fa", code(app.code()));
    problem(throttled, 429);
    assertThat(throttled.header("Retry-After")).contains("1");
    assertThat(audited("LOGIN_THROTTLED", person))
        .as("the first refusal of the wait, as for passwords")
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actorEmail").asString()).isEqualTo("anonymous");
              assertThat(e.get("outcome").asString()).isEqualTo("THROTTLED");
              assertThat(e.get("after").get("during").asString()).isEqualTo("sign-in");
              assertThat(e.get("after").get("reason").asString()).isEqualTo("too-many-failures");
            });
    problem(unchanged(() -> browser.post("/api/auth/login/2fa", code(app.code()))), 429);
    problem(unchanged(() -> passwordStep(new Api(port), person)), 429);

    CLOCK.advance(Duration.ofSeconds(1));
    Api again = new Api(port);
    assertThat(passwordStep(again, person).status()).isEqualTo(200);
    problem(again.post("/api/auth/login/2fa", code(wrong)), 401);
    problem(again.post("/api/auth/login/2fa", code(app.code())), 429);
    CLOCK.advance(Duration.ofSeconds(2));
    assertThat(again.post("/api/auth/login/2fa", code(app.code())).status()).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE subject LIKE 'account:%'")
                .query(Long.class)
                .single())
        .as("the second step forgave the account's failures")
        .isZero();
  }

  @Test
  void theSecondStep_waitsFiveMinutes_thenTheSignInStartsOver() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    Api browser = new Api(port);
    assertThat(passwordStep(browser, person).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofMinutes(5));
    Response late = browser.post("/api/auth/login/2fa", code(app.code()));

    assertThat(problem(late, 401).get("detail").asString())
        .contains("sign in with the password again");
    problem(browser.get("/api/auth/me"), 401);
    assertThat(signIn(browser, person, code(app.code())).status()).isEqualTo(200);
  }

  @Test
  void aSecondStepWithoutThePassword_orWithBadInput_changesNothing() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    var before = twoFactorState();

    problem(unchanged(() -> anonymous.post("/api/auth/login/2fa", code(app.code()))), 401);
    Api browser = new Api(port);
    assertThat(passwordStep(browser, person).status()).isEqualTo(200);
    var afterPassword = twoFactorState();
    invalid(unchanged(() -> browser.post("/api/auth/login/2fa", "{}")), "code", "recoveryCode");
    invalid(
        unchanged(
            () -> browser.post("/api/auth/login/2fa", "{\"code\":\"1\",\"recoveryCode\":\"2\"}")),
        "code",
        "recoveryCode");
    invalid(unchanged(() -> browser.post("/api/auth/login/2fa", code("12 34 56"))), "code");
    invalid(
        unchanged(() -> browser.post("/api/auth/login/2fa", recovery("not-a-code"))),
        "recoveryCode");
    invalid(unchanged(() -> browser.post("/api/auth/login/2fa", "{\"pin\":\"1\"}")), "pin");
    assertThat(twoFactorState()).isEqualTo(afterPassword);
    assertThat(before.get("secrets")).isEqualTo(afterPassword.get("secrets"));
    assertThat(browser.post("/api/auth/login/2fa", code(app.code())).status()).isEqualTo(200);
  }

  @Test
  void setup_whileTwoFactorIsOn_isRefused_andApiTokensCannotSetItUp() {
    Person person = newUser("EDITOR");
    Api browser = signedIn(person);
    enable(browser);

    problem(unchanged(() -> write(browser, "/api/auth/2fa/setup", null)), 409);
    assertThat(
            problem(unchanged(() -> editor.post("/api/auth/2fa/setup", null)), 403)
                .get("detail")
                .asString())
        .contains("API token");
    problem(unchanged(() -> editor.post("/api/auth/2fa/verify", code("123456"))), 403);
    problem(
        unchanged(
            () ->
                editor.post(
                    "/api/auth/2fa/disable",
                    "{\"password\":\"" + TestAccounts.PASSWORD + "\",\"code\":\"123456\"}")),
        403);
    assertThat(editor.get("/api/auth/2fa").json().get("enabled").asBoolean()).isFalse();
    Api withoutSetup = signedIn(newUser("VIEWER"));
    problem(unchanged(() -> write(withoutSetup, "/api/auth/2fa/verify", code("123456"))), 409);
  }
}
