package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;

/** Signing in and out of the console, and what its pages send along. */
class ConsoleSignInIT extends AdminServiceIntegration {
  @Test
  void loginPage_anonymous_hasAFormWithItsTokenAndStrictSecurityHeaders() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    Response page = browser.navigate("/login").response();

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<main id=\"main\"", "name=\"email\"", "name=\"_csrf\"");
    assertThat(page.header("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.header("X-Frame-Options")).hasValue("DENY");
    assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void consolePage_anonymous_redirectsToLoginThatLeadsBack() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    Response answer = browser.get("/flags?q=checkout");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/login?next=%2Fflags%3Fq%3Dcheckout"));

    browser.open("/login?next=%2Fflags%3Fq%3Dcheckout");
    Response signedIn =
        browser.submit(
            "/login",
            "email",
            TestAccounts.VIEWER_EMAIL,
            "password",
            TestAccounts.PASSWORD,
            "next",
            "/flags?q=checkout");
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/flags?q=checkout"));
    assertThat(browser.open("/flags?q=checkout")).contains(TestAccounts.VIEWER_EMAIL);
  }

  @Test
  void signIn_nextOnAnotherSite_landsOnTheDashboardInstead() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    browser.open("/login");
    Response signedIn =
        browser.submit(
            "/login",
            "email",
            TestAccounts.VIEWER_EMAIL,
            "password",
            TestAccounts.PASSWORD,
            "next",
            "//evil.example/steal");

    assertThat(signedIn.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/flags"));
  }

  @Test
  void signIn_wrongPasswordOrUnknownEmail_readAlikeAndStartNoSession() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    browser.open("/login");
    Response wrongPassword =
        browser.submit("/login", "email", TestAccounts.VIEWER_EMAIL, "password", "not-it-at-all");
    Response unknownEmail =
        browser.submit("/login", "email", "nobody@example.com", "password", "not-it-at-all");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.body()).contains("Wrong email or password.");
    assertThat(unknownEmail.body()).contains("Wrong email or password.");
    assertThat(browser.get("/flags").status()).as("still signed out").isEqualTo(302);
  }

  @Test
  void signIn_afterTooManyFailures_saysHowLongToWait() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    browser.open("/login");
    Response answer = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      answer =
          browser.submit(
              "/login", "email", TestAccounts.EDITOR_EMAIL, "password", "wrong-" + attempt);
      if (answer.status() == 429) {
        break;
      }
    }

    assertThat(answer).isNotNull();
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.body()).containsPattern("Too many attempts\\. Try again in \\d+ seconds?\\.");
  }

  @Test
  void signIn_withoutTheFormsToken_isRefused() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    Response forged =
        browser.forge(
            "/login", "email", TestAccounts.VIEWER_EMAIL, "password", TestAccounts.PASSWORD);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(browser.get("/flags").status()).isEqualTo(302);
  }

  @Test
  void signOut_endsTheSession() {
    ConsoleBrowser browser =
        ConsoleBrowser.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD);
    browser.open("/flags");

    Response out = browser.submit("/logout");

    assertThat(out.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
    assertThat(browser.get("/flags").status()).isEqualTo(302);
  }

  @Test
  void sessionCookie_isLaxSoLinksFromElsewhereArriveSignedIn() {
    ConsoleBrowser browser = new ConsoleBrowser(port);
    browser.open("/login");
    Response signedIn =
        browser.submit(
            "/login", "email", TestAccounts.VIEWER_EMAIL, "password", TestAccounts.PASSWORD);

    assertThat(signedIn.headerValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("FLAGSTREAM_SESSION=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
  }
}
