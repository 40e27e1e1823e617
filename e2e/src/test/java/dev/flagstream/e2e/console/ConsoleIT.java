package dev.flagstream.e2e.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalCredentials;
import dev.flagstream.local.platform.LocalPlatform;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console through the real platform in Chromium, as a person drives it: signing in with two
 * factors, creating, switching and rolling out a flag, reverting it from its history, revoking a
 * token, and seeing a change made elsewhere without reloading.
 */
class ConsoleIT {
  private static LocalPlatform platform;
  private static LocalCredentials credentials;
  private static Http api;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    platform = TestPlatform.start(ConsoleIT.class);
    credentials = platform.credentials();
    api = new Http(platform.admin().url(), credentials.token());
    chromium = new Chromium();
  }

  @AfterAll
  static void stop() {
    chromium.close();
    platform.close();
  }

  static String url(String path) {
    return platform.admin().url() + path;
  }

  static Page signedInAsAdmin(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(url("/login"));
    page.getByLabel("Email").fill(credentials.email());
    page.getByLabel("Password").fill(credentials.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile(".*/flags$"));
    return page;
  }

  static String newFlag(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Assertions.assertThat(api.post("/api/admin/flags", "{\"name\":\"" + name + "\"}").status())
        .isEqualTo(201);
    return name;
  }

  @Test
  void editor_setsUpTwoFactorAndSignsInWithACode() {
    String email = "editor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "a long passphrase " + UUID.randomUUID();
    Assertions.assertThat(
            api.post(
                    "/api/admin/users",
                    "{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"EDITOR\"}"
                        .formatted(email, password))
                .status())
        .isEqualTo(201);
    try (BrowserContext context = chromium.context(ColorScheme.LIGHT)) {
      Page page = context.newPage();
      page.navigate(url("/login"));
      page.getByLabel("Email").fill(email);
      page.getByLabel("Password").fill(password);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      assertThat(page).hasURL(Pattern.compile(".*/flags$"));

      page.navigate(url("/settings/two-factor"));
      page.getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up two-factor sign-in"))
          .click();
      String secret = page.getByTestId("secret").textContent().trim();
      assertThat(page.getByTestId("qr-code")).isVisible();
      Instant enabledAt = Instant.now();
      page.getByLabel("Code from your app").fill(Totp.code(secret, enabledAt));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
      assertThat(page.getByTestId("recovery-codes")).containsText("-");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
      assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
      page.getByLabel("Email").fill(email);
      page.getByLabel("Password").fill(password);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      assertThat(page).hasURL(Pattern.compile(".*/login/2fa.*"));
      page.getByLabel("Code from your app").fill(Totp.code(secret, afterTheStepOf(enabledAt)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

      assertThat(page).hasURL(Pattern.compile(".*/flags$"));
      assertThat(page.locator(".who")).containsText(email);
    }
  }

  /**
   * A time whose code is not the one that turned two-factor sign-in on, which may not be used
   * twice: now, or the start of the next 30-second step when now is still in that one.
   */
  private static Instant afterTheStepOf(Instant used) {
    Instant now = Instant.now();
    long step = used.getEpochSecond() / 30;
    return now.getEpochSecond() / 30 > step ? now : Instant.ofEpochSecond((step + 1) * 30);
  }

  @Test
  void admin_createsSwitchesRollsOutAndRevertsAFlag() {
    String name = "tour-" + UUID.randomUUID().toString().substring(0, 8);
    try (BrowserContext context = chromium.context(ColorScheme.LIGHT)) {
      Page page = signedInAsAdmin(context);

      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create flag")).click();
      assertThat(page).hasURL(Pattern.compile(".*/flags/" + name + "\\?created$"));
      assertThat(page.getByTestId("flag-state")).hasText("Off");

      page.navigate(url("/flags?q=" + name));
      Locator row = page.locator("#flag-" + name);
      row.getByRole(AriaRole.SWITCH).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn " + name + " on"))
          .click();
      assertThat(page.locator("#flag-" + name + " .state")).hasText("On");

      page.navigate(url("/flags/" + name));
      Locator slider = page.getByLabel("Share of users who get the flag when it is on");
      slider.focus();
      page.keyboard().press("Home");
      for (int i = 0; i < 25; i++) {
        page.keyboard().press("ArrowRight");
      }
      assertThat(page.locator("#rollout-value")).hasText("25 %");
      page.getByLabel("Preview for a user id").fill("user-42");
      assertThat(page.getByTestId("preview")).containsText("user-42");
      assertThat(page.getByTestId("preview")).containsText("at 25 %");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rollout")).click();
      assertThat(page.getByTestId("flag-rollout")).hasText("25 % of users");

      Locator created = page.locator("[data-testid=history] tbody tr").last();
      created.getByRole(AriaRole.BUTTON).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revert " + name))
          .click();
      assertThat(page.getByTestId("flag-rollout")).hasText("everyone");
      assertThat(page.getByTestId("flag-state")).hasText("Off");
    }
    Assertions.assertThat(
            api.get("/api/admin/flags/" + name).json().get("rolloutPercentage").asInt())
        .isEqualTo(100);
  }

  @Test
  void admin_createsATokenSeesItOnceAndRevokesIt() {
    String tokenName = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
    try (BrowserContext context = chromium.context(ColorScheme.LIGHT)) {
      Page page = signedInAsAdmin(context);
      page.navigate(url("/settings"));
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(tokenName);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
      String secret = page.locator("#new-token").textContent().trim();
      Assertions.assertThat(secret).startsWith("fst_");
      Assertions.assertThat(new Http(platform.admin().url(), secret).get("/api/auth/me").status())
          .isEqualTo(200);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + tokenName))
          .click();

      assertThat(page.getByTestId("tokens")).not().containsText(tokenName);
      Assertions.assertThat(new Http(platform.admin().url(), secret).get("/api/auth/me").status())
          .isEqualTo(401);
    }
  }

  @Test
  void dashboardAndFlagPage_showAChangeMadeThroughTheApiWithoutReloading() {
    String name = newFlag("live");
    try (BrowserContext context = chromium.context(ColorScheme.LIGHT)) {
      Page dashboard = signedInAsAdmin(context);
      dashboard.navigate(url("/flags?q=" + name));
      assertThat(dashboard.getByTestId("live-status")).hasText("Live");
      Page detail = context.newPage();
      detail.navigate(url("/flags/" + name));
      assertThat(detail.getByTestId("live-status")).hasText("Live");

      Assertions.assertThat(
              api.post("/api/admin/flags/" + name + "/toggle", "{\"enabled\":true}").status())
          .isEqualTo(200);

      assertThat(dashboard.locator("#flag-" + name + " .state")).hasText("On");
      assertThat(detail.getByTestId("flag-state")).hasText("On");
      assertThat(detail.getByTestId("history")).containsText("toggled");
    }
  }
}
