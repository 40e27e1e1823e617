package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import dev.flagstream.admin.fixtures.TestClock;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * The admin service with a clock the tests move, and what a person with a browser and an
 * authenticator app does: sign in, set up two-factor sign-in, read codes off the app. Each test
 * makes users of its own; two-factor state is cleared after each, since other tests share the
 * database.
 */
abstract class TwoFactorIntegration extends AdminServiceIntegration {
  static final TestClock CLOCK = new TestClock(Instant.now());
  static final Totp APP = Totp.forAuthenticatorApps();
  static final String SESSION_COOKIE = "FLAGSTREAM_SESSION";

  @TestBean Clock clock;

  static Clock clock() {
    return CLOCK;
  }

  @AfterEach
  void forgetTwoFactor() {
    jdbc.sql("DELETE FROM two_factor").update();
    jdbc.sql("UPDATE two_factor_requirement SET required_roles = '{}'").update();
  }

  /** A user of its own for a test. */
  record Person(UUID id, String email) {}

  Person newUser(String role) {
    String email =
        role.toLowerCase(Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@x.io";
    Response created =
        admin.post(
            "/api/admin/users",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + TestAccounts.PASSWORD
                + "\",\"role\":\""
                + role
                + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Person(UUID.fromString(created.json().get("id").asString()), email);
  }

  /** A new browser that has sent {@code person}'s password, and the answer it got. */
  static Response passwordStep(Api browser, Person person) {
    return browser.post(
        "/api/auth/login",
        "{\"email\":\"" + person.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
  }

  /** A browser signed in with the password alone, for a user without two-factor sign-in. */
  Api signedIn(Person person) {
    Api browser = new Api(port);
    Response login = passwordStep(browser, person);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().get("id").asString()).isEqualTo(person.id().toString());
    return browser;
  }

  static String csrf(Api browser) {
    assertThat(browser.get("/api/auth/csrf").status()).isEqualTo(204);
    return browser.cookie("XSRF-TOKEN").orElseThrow();
  }

  /** A write from a signed-in browser, with its CSRF token. */
  static Response write(Api browser, String path, @Nullable String json) {
    return browser.post(path, json, "X-XSRF-TOKEN", csrf(browser));
  }

  /** The authenticator app of a user who set up two-factor sign-in, and their recovery codes. */
  record Authenticator(byte[] secret, List<String> recoveryCodes) {
    /** The code the app shows {@code steps} periods from the test's now. */
    String code(int steps) {
      return APP.code(secret, APP.step(CLOCK.instant()) + steps);
    }

    String code() {
      return code(0);
    }
  }

  /** Sets up and turns on two-factor sign-in in {@code browser}, as the person would. */
  static Authenticator enable(Api browser) {
    Response setup = write(browser, "/api/auth/2fa/setup", null);
    assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
    byte[] secret = base32(setup.json().get("secret").asString());
    Response verified =
        write(
            browser,
            "/api/auth/2fa/verify",
            "{\"code\":\"" + APP.codeAt(secret, CLOCK.instant()) + "\"}");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    List<String> codes =
        verified.json().get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
    // the code used to enable is spent: the next sign-in needs the next one
    CLOCK.advance(Duration.ofSeconds(APP.periodSeconds()));
    return new Authenticator(secret, codes);
  }

  /** Signs in with the password, then {@code secondStep} as the body of the second step. */
  Response signIn(Api browser, Person person, String secondStep) {
    Response password = passwordStep(browser, person);
    assertThat(password.status()).as(password.toString()).isEqualTo(200);
    assertThat(password.json().get("twoFactorRequired").asBoolean()).isTrue();
    return browser.post("/api/auth/login/2fa", secondStep);
  }

  static String code(String code) {
    return "{\"code\":\"" + code + "\"}";
  }

  static String recovery(String recoveryCode) {
    return "{\"recoveryCode\":\"" + recoveryCode + "\"}";
  }

  /** The audit entries of {@code action} about {@code person}, newest first, as an admin sees. */
  List<JsonNode> audited(String action, Person person) {
    Response response = admin.get("/api/admin/audit?action=" + action + "&limit=100");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response
        .json()
        .valueStream()
        .filter(entry -> entry.get("target").asString().equals(person.id().toString()))
        .toList();
  }

  /** What is stored for two-factor sign-in, to show that a refused request changed none of it. */
  Map<String, List<String>> twoFactorState() {
    return Map.of(
        "secrets",
        jdbc.sql("SELECT row_to_json(t)::text FROM two_factor t ORDER BY user_id")
            .query(String.class)
            .list(),
        "recovery codes",
        jdbc.sql(
                "SELECT row_to_json(r)::text FROM two_factor_recovery_codes r"
                    + " ORDER BY user_id, code_hash")
            .query(String.class)
            .list(),
        "requirement",
        jdbc.sql("SELECT row_to_json(r)::text FROM two_factor_requirement r")
            .query(String.class)
            .list(),
        "everything else",
        List.of(databaseState().toString()));
  }

  /** Base32 as an authenticator app reads it (RFC 4648, padding optional). */
  static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toCharArray()) {
      int value = alphabet.indexOf(c);
      assertThat(value).as("a Base32 character: %s", c).isNotNegative();
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes.write((buffer >> bits) & 0xff);
      }
    }
    return bytes.toByteArray();
  }
}
