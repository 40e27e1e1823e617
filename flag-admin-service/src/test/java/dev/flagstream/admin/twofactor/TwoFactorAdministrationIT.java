package dev.flagstream.admin.twofactor;

import static dev.flagstream.admin.fixtures.Browsers.presenting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What admins do about two-factor sign-in, against the real service and PostgreSQL: require it of
 * roles, whose users are then sent to enrol; reset a user's, ending their sessions. And what the
 * service does with its keys when it starts.
 */
class TwoFactorAdministrationIT extends TwoFactorIntegration {

  private Response require(Api caller, String roles) {
    return caller.put("/api/admin/two-factor", "{\"requiredForRoles\":" + roles + "}");
  }

  @Test
  void requiredForARole_itsUsersAreSentToEnrol_andCanDoNothingElseUntilTheyHave() {
    Response required = require(admin, "[\"EDITOR\",\"ADMIN\",\"EDITOR\"]");
    assertThat(required.status()).as(required.toString()).isEqualTo(200);
    assertThat(required.json().get("requiredForRoles").valueStream().map(JsonNode::asString))
        .containsExactly("EDITOR", "ADMIN");
    assertThat(admin.get("/api/admin/two-factor").json().get("requiredForRoles").size())
        .isEqualTo(2);
    JsonNode changed =
        admin.get("/api/admin/audit?action=TWO_FACTOR_REQUIREMENT_CHANGED").json().get(0);
    assertThat(changed.get("before").get("requiredForRoles").size()).isZero();
    assertThat(changed.get("after").get("requiredForRoles").size()).isEqualTo(2);

    Person person = newUser("EDITOR");
    Api browser = new Api(port);
    Response password = passwordStep(browser, person);
    assertThat(password.status()).as(password.toString()).isEqualTo(200);
    assertThat(password.json().get("twoFactorEnrolmentRequired").asBoolean()).isTrue();
    assertThat(password.json().has("id")).isFalse();
    assertThat(
            audited("LOGIN_PASSWORD_ACCEPTED", person)
                .get(0)
                .get("after")
                .get("nextStep")
                .asString())
        .isEqualTo("two-factor-enrolment");
    problem(unchanged(() -> browser.get("/api/admin/flags")), 403);
    problem(unchanged(() -> browser.get("/api/auth/me")), 403);
    problem(unchanged(() -> write(browser, "/api/admin/flags", "{\"name\":\"sneaky\"}")), 403);
    problem(unchanged(() -> browser.get("/api/auth/2fa")), 403);

    String enrolling = browser.cookie(SESSION_COOKIE).orElseThrow();
    Authenticator app = enable(browser);
    assertThat(app.recoveryCodes()).hasSize(10);
    assertThat(browser.cookie(SESSION_COOKIE)).get().as("a new session id").isNotEqualTo(enrolling);
    problem(new Api(port).get("/api/auth/me", presenting(enrolling)), 401);
    assertThat(browser.get("/api/auth/sessions").json().valueStream())
        .as("the session the password started goes on, signed in")
        .singleElement()
        .satisfies(s -> assertThat(s.get("current").asBoolean()).isTrue());
    assertThat(browser.get("/api/admin/flags").status()).isEqualTo(200);
    assertThat(browser.get("/api/auth/me").json().get("role").asString()).isEqualTo("EDITOR");
    assertThat(audited("LOGIN_TWO_FACTOR_SUCCEEDED", person)).hasSize(1);

    assertThat(signIn(new Api(port), person, code(app.code())).status())
        .as("from now on, with a code")
        .isEqualTo(200);
    Person reader = newUser("VIEWER");
    assertThat(
            signedIn(reader) /* not a role that must */
                .get("/api/auth/2fa")
                .json()
                .get("required")
                .asBoolean())
        .isFalse();

    assertThat(require(admin, "[]").json().get("requiredForRoles").size()).isZero();
    assertThat(passwordStep(new Api(port), newUser("EDITOR")).json().has("id")).isTrue();
  }

  @Test
  void theRequirement_isAnAdminsToSet_andBadInputChangesNothing() {
    var before = twoFactorState();
    problem(require(editor, "[\"EDITOR\"]"), 403);
    problem(viewer.get("/api/admin/two-factor"), 403);
    invalid(require(admin, "[\"ROOT\"]"), "requiredForRoles[0]");
    invalid(require(admin, "null"), "requiredForRoles");
    invalid(require(admin, "[null]"), "requiredForRoles");
    invalid(admin.put("/api/admin/two-factor", "{}"), "requiredForRoles");
    assertThat(twoFactorState()).isEqualTo(before);
  }

  @Test
  void reset_removesAUsersTwoFactor_andEndsAllTheirSessions() {
    Person person = newUser("ADMIN");
    Authenticator app = enable(signedIn(person));
    Api signedInWithCode = new Api(port);
    assertThat(signIn(signedInWithCode, person, code(app.code())).status()).isEqualTo(200);
    Api waitingForCode = new Api(port);
    assertThat(passwordStep(waitingForCode, person).status()).isEqualTo(200);

    problem(unchanged(() -> editor.delete("/api/admin/users/" + person.id() + "/2fa")), 403);
    problem(unchanged(() -> admin.delete("/api/admin/users/" + UUID.randomUUID() + "/2fa")), 404);
    Response reset = admin.delete("/api/admin/users/" + person.id() + "/2fa");

    assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
    problem(signedInWithCode.get("/api/auth/me"), 401);
    problem(waitingForCode.post("/api/auth/login/2fa", code(app.code(1))), 401);
    assertThat(
            jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                .param(person.id().toString())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(audited("TWO_FACTOR_RESET", person))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actorEmail").asString()).isEqualTo("admin@example.com");
              assertThat(e.get("after").get("sessionsEnded").asInt())
                  .as("the one that enabled it, the one signed in with a code, the one waiting")
                  .isEqualTo(3);
            });
    problem(unchanged(() -> admin.delete("/api/admin/users/" + person.id() + "/2fa")), 409);
    assertThat(passwordStep(new Api(port), person).json().get("id").asString())
        .as("the password alone signs in again")
        .isEqualTo(person.id().toString());
  }

  @Test
  void atStart_secretsMoveOntoTheFirstKey_andAMissingKeyStopsTheStart() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    String newKey =
        "next:" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
    EncryptionKeys rotated = EncryptionKeys.parse(List.of(newKey, TWO_FACTOR_KEY));
    EncryptionKeys onlyNew = EncryptionKeys.parse(List.of(newKey));
    TwoFactorRepository enrolments = context().getBean(TwoFactorRepository.class);
    RequiredRoles requiredRoles = context().getBean(RequiredRoles.class);

    assertThatThrownBy(() -> check(onlyNew, enrolments, requiredRoles))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[tests]");
    check(rotated, enrolments, requiredRoles);

    TwoFactorRepository.Enrolment moved = enrolments.find(person.id()).orElseThrow();
    assertThat(moved.secret().keyId()).isEqualTo("next");
    byte[] secret =
        new SecretCipher(onlyNew, new SecureRandom())
            .open(moved.secret(), SecretCipher.contextOf(person.id()));
    assertThat(secret).isEqualTo(app.secret());
    check(onlyNew, enrolments, requiredRoles); // nothing needs the old key any more

    EncryptionKeys none = EncryptionKeys.parse(List.of());
    assertThatThrownBy(() -> check(none, enrolments, requiredRoles))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[next]");
    jdbc.sql("DELETE FROM two_factor").update();
    check(none, enrolments, requiredRoles);
    require(admin, "[\"ADMIN\"]");
    assertThatThrownBy(() -> check(none, enrolments, requiredRoles))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("required");
  }

  private static void check(
      EncryptionKeys keys, TwoFactorRepository enrolments, RequiredRoles requiredRoles) {
    new EncryptionKeyCheck(
            keys, new SecretCipher(keys, new SecureRandom()), enrolments, requiredRoles)
        .afterPropertiesSet();
  }
}
