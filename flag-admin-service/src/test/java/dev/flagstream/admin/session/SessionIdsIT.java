package dev.flagstream.admin.session;

import static dev.flagstream.admin.fixtures.Browsers.presenting;
import static dev.flagstream.admin.fixtures.Browsers.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Api;
import dev.flagstream.admin.fixtures.Browsers;
import dev.flagstream.admin.fixtures.Response;
import org.junit.jupiter.api.Test;

/**
 * Signing in always gives a new session id: whatever cookie the browser held before, planted or its
 * own, is not the one after, and no longer works.
 */
class SessionIdsIT extends AdminServiceIntegration {

  private static Response signIn(Api browser, String... headers) {
    return browser.post(
        "/api/auth/login",
        "{\"email\":\""
            + TestAccounts.VIEWER_EMAIL
            + "\",\"password\":\""
            + TestAccounts.PASSWORD
            + "\"}",
        headers);
  }

  private int me(String cookie) {
    return new Api(port).get("/api/auth/me", presenting(cookie)).status();
  }

  @Test
  void signingInAgain_givesANewCookie_andTheOldOneStopsWorking() {
    Api browser = Browsers.signedIn(port, TestAccounts.VIEWER_EMAIL, TestAccounts.PASSWORD, "B/1");
    String before = sessionCookie(browser);
    assertThat(me(before)).isEqualTo(200);

    assertThat(signIn(browser).status()).isEqualTo(200);

    String after = sessionCookie(browser);
    assertThat(after).isNotEqualTo(before);
    assertThat(me(after)).isEqualTo(200);
    assertThat(me(before)).isEqualTo(401);
  }

  @Test
  void aPlantedSessionId_isNeverTheOneAfterSigningIn() {
    String planted = "NmFlZjYxNjQtZmFrZS00YmFkLWJhZC1wbGFudGVkMDAw";
    Response login = signIn(new Api(port), presenting(planted));
    assertThat(login.status()).isEqualTo(200);
    String issued =
        login.headerValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Browsers.SESSION_COOKIE + "="))
            .map(c -> c.substring(Browsers.SESSION_COOKIE.length() + 1, c.indexOf(';')))
            .filter(value -> !value.isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(issued).isNotEqualTo(planted);
    assertThat(me(issued)).isEqualTo(200);
    assertThat(me(planted)).isEqualTo(401);
  }
}
