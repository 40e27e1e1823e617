package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Two-factor sign-in through the console's pages: setting it up, and signing in with it. */
class ConsoleTwoFactorIT extends TwoFactorIntegration {
  private static final Pattern SECRET = Pattern.compile("data-testid=\"secret\">([A-Z2-7]+)<");

  private static ConsoleBrowser passwordStep(ConsoleBrowser browser, Person person, String next) {
    browser.open("/login");
    Response answer =
        browser.submit(
            "/login", "email", person.email(), "password", TestAccounts.PASSWORD, "next", next);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
    return browser;
  }

  @Test
  void setUpInSettings_thenSignIn_asksForTheCodeAndLandsOnTheAskedPage() {
    Person person = newUser("EDITOR");
    ConsoleBrowser browser = new ConsoleBrowser(port);
    passwordStep(browser, person, "/flags");
    browser.open("/settings/two-factor");
    Response setup = browser.submit("/settings/two-factor/setup");
    assertThat(setup.body())
        .contains("data-testid=\"qr-code\"", "src=\"data:image/svg+xml;base64,");
    Matcher secret = SECRET.matcher(setup.body());
    assertThat(secret.find()).isTrue();
    byte[] key = base32(secret.group(1));
    Response on =
        browser.submit("/settings/two-factor/verify", "code", APP.codeAt(key, CLOCK.instant()));
    assertThat(on.body()).contains("data-testid=\"recovery-codes\"", "Two-factor sign-in is on.");
    CLOCK.advance(Duration.ofSeconds(APP.periodSeconds()));
    browser.submit("/logout");

    ConsoleBrowser again = new ConsoleBrowser(port);
    again.open("/login");
    Response password =
        again.submit(
            "/login", "email", person.email(), "password", TestAccounts.PASSWORD, "next", "/audit");
    assertThat(password.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login/2fa?next=%2Faudit"));
    assertThat(again.get("/flags").status()).as("not signed in before the code").isEqualTo(302);
    again.open("/login/2fa?next=%2Faudit");
    Response wrong = again.submit("/login/2fa", "code", "000000", "next", "/audit");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("That code is not right");
    Response done =
        again.submit("/login/2fa", "code", APP.codeAt(key, CLOCK.instant()), "next", "/audit");

    assertThat(done.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/audit"));
    assertThat(again.open("/audit")).contains(person.email());
  }

  @Test
  void requiredForTheRole_signInLeadsToEnrolmentAndNothingElse() {
    assertThat(admin.put("/api/admin/two-factor", "{\"requiredForRoles\":[\"EDITOR\"]}").status())
        .isEqualTo(200);
    Person person = newUser("EDITOR");
    ConsoleBrowser browser = new ConsoleBrowser(port);
    browser.open("/login");

    Response password =
        browser.submit("/login", "email", person.email(), "password", TestAccounts.PASSWORD);

    assertThat(password.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/settings/two-factor"));
    assertThat(browser.open("/settings/two-factor"))
        .contains("Your role must use two-factor sign-in");
    assertThat(browser.get("/flags").status()).isEqualTo(403);
  }
}
