package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;

/** Resetting a user's two-factor sign-in from their page in the console: admins only. */
class ConsoleTwoFactorResetIT extends TwoFactorIntegration {
  private static String page(Person person) {
    return "/settings/users/" + person.id();
  }

  private static String reset(Person person) {
    return page(person) + "/two-factor/reset";
  }

  @Test
  void reset_askedOnce_thenRemovesItAndEndsTheirSessions_auditedAsTheApiDoes() {
    Person person = newUser("EDITOR");
    Authenticator app = enable(signedIn(person));
    Api withCode = new Api(port);
    assertThat(signIn(withCode, person, code(app.code())).status()).isEqualTo(200);
    ConsoleBrowser console =
        ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
    assertThat(console.open(page(person))).contains("data-testid=\"two-factor\">set up<");
    var before = twoFactorState();

    Response asked = console.submit(reset(person));
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("data-testid=\"confirm-reset\"");
    assertThat(twoFactorState()).as("nothing changes before the confirmation").isEqualTo(before);
    Response done = console.submit(reset(person), "confirm", "true");

    assertThat(done.status()).as(done.toString()).isEqualTo(302);
    problem(withCode.get("/api/auth/me"), 401);
    assertThat(audited("TWO_FACTOR_RESET", person))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actorEmail").asString()).isEqualTo(TestAccounts.ADMIN_EMAIL);
              assertThat(e.get("after").get("sessionsEnded").asInt())
                  .as("the one that enabled it and the one signed in with a code")
                  .isEqualTo(2);
            });
    assertThat(console.open(page(person)))
        .contains(
            "data-testid=\"two-factor\">not set up<", "Not set up: there is nothing to reset.");
    Response again = unchanged(() -> console.submit(reset(person), "confirm", "true"));
    assertThat(again.status()).as("nothing left to reset, as the API answers").isEqualTo(409);
    assertThat(passwordStep(new Api(port), person).json().get("id").asString())
        .as("the password alone signs in again")
        .isEqualTo(person.id().toString());
  }

  @Test
  void reset_byAnEditorOrAViewerOrWithoutTheCsrfToken_isRefusedAndChangesNothing() {
    Person person = newUser("EDITOR");
    Api theirs = signedIn(person);
    enable(theirs);
    for (String email : new String[] {TestAccounts.EDITOR_EMAIL, TestAccounts.VIEWER_EMAIL}) {
      ConsoleBrowser other = ConsoleBrowser.signedIn(port, email, TestAccounts.PASSWORD);
      other.open("/settings");
      var before = twoFactorState();
      Response refused = other.submit(reset(person), "confirm", "true");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(twoFactorState()).isEqualTo(before);
    }
    ConsoleBrowser console =
        ConsoleBrowser.signedIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.PASSWORD);
    console.open(page(person));
    var before = twoFactorState();

    Response forged = console.forge(reset(person), "confirm", "true");

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("did not come from this console");
    assertThat(twoFactorState()).isEqualTo(before);
    assertThat(theirs.get("/api/auth/me").status()).as("still signed in").isEqualTo(200);
  }
}
