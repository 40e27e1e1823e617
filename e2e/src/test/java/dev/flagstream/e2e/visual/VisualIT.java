package dev.flagstream.e2e.visual;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import dev.flagstream.e2e.fixtures.Chromium;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Visual regression of the console: its pages (sign-in, the dashboard empty and with data, a flag,
 * the audit log, settings) in the light and dark themes at the desktop, tablet and mobile
 * viewports, and its components (header, navigation, flag row, switch on and off, rollout slider,
 * confirmation, toast) in both themes, held against the PNG baselines in {@code
 * src/test/resources/visual/} (settings in {@code visual.properties}). One browser, one page:
 * themes and viewports change on it. Times, tokens, sessions and ids are masked. A platform of its
 * own, so that its data is the same on every run. {@code -Dvisual.update=true} writes the baselines
 * anew.
 */
class VisualIT {
  /**
   * What differs from run to run: times, the live status, token and session details, and what the
   * audit log shows of rows about users, tokens and sign-ins (their ids); marked by {@link
   * #MARK_IDS} with {@code data-visual-mask}.
   */
  static final String DYNAMIC =
      "time, [data-testid=live-status], [data-testid=tokens] td:not(:first-child):not(:last-child),"
          + " [data-testid=sessions] td:not(:last-child), [data-visual-mask]";

  /** Marks the target and changes of audit rows that are not about one of this test's flags. */
  private static final String MARK_IDS =
      "() => document.querySelectorAll('[data-testid=audit-table] tbody tr').forEach(row => {"
          + " if (!row.cells[3].textContent.trim().startsWith('visual-')) {"
          + " row.cells[3].dataset.visualMask = ''; row.cells[4].dataset.visualMask = ''; } })";

  private static final List<ColorScheme> THEMES = List.of(ColorScheme.LIGHT, ColorScheme.DARK);

  private static LocalPlatform platform;
  private static Chromium chromium;
  private static BrowserContext context;
  private static Page page;
  private static VisualSettings settings;
  private static Baselines baselines;
  private final List<String> mismatches = new ArrayList<>();

  @BeforeAll
  static void start() {
    settings = VisualSettings.load();
    baselines = new Baselines(settings);
    platform = TestPlatform.start(VisualIT.class);
    chromium = new Chromium();
    context = chromium.context(ColorScheme.LIGHT);
    page = context.newPage();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
    if (chromium != null) {
      chromium.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void everyPageAndComponent_inBothThemes_looksAsItsBaseline() {
    open("/login");
    pageShots("sign-in");
    signIn();
    open("/flags");
    pageShots("dashboard-empty");

    addFlags();
    open("/flags");
    pageShots("dashboard");
    open("/flags/visual-alpha");
    pageShots("flag-detail");
    open("/audit");
    pageShots("audit-log");
    open("/settings");
    pageShots("settings");
    for (ColorScheme theme : THEMES) {
      componentShots(theme);
    }

    System.out.printf(
        "VisualIT: %d baselines %s in %s%n",
        baselines.written(),
        settings.update() ? "updated" : "created",
        settings.baselines().toAbsolutePath());
    Assertions.assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
  }

  private static void open(String path) {
    page.navigate(platform.admin().url() + path);
    page.waitForLoadState();
    Locator live = page.getByTestId("live-status");
    if (live.count() > 0) {
      assertThat(live).hasText("Live");
    }
  }

  private static void signIn() {
    page.getByLabel("Email").fill(platform.credentials().email());
    page.getByLabel("Password").fill(platform.credentials().password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile(".*/flags$"));
  }

  private static void addFlags() {
    Http api = new Http(platform.admin().url(), platform.credentials().token());
    for (String flag :
        List.of(
            "{\"name\":\"visual-alpha\",\"description\":\"The new checkout flow\","
                + "\"enabled\":true,\"rolloutPercentage\":30,\"metadata\":{\"team\":\"payments\"}}",
            "{\"name\":\"visual-beta\",\"description\":\"Dark theme for the storefront\"}",
            "{\"name\":\"visual-gamma\",\"description\":\"Recommendations on the home page\","
                + "\"enabled\":true,\"metadata\":{\"critical\":true}}")) {
      Assertions.assertThat(api.post("/api/admin/flags", flag).status()).isEqualTo(201);
    }
    Assertions.assertThat(
            api.put("/api/admin/flags/visual-alpha/rollout", "{\"rolloutPercentage\":25}").status())
        .isEqualTo(200);
  }

  /** The page as it is now, full length, in both themes at every viewport. */
  private void pageShots(String name) {
    for (ColorScheme theme : THEMES) {
      page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(theme));
      for (Map.Entry<String, int[]> viewport : settings.viewports().entrySet()) {
        page.setViewportSize(viewport.getValue()[0], viewport.getValue()[1]);
        byte[] png =
            page.screenshot(
                steady(new Page.ScreenshotOptions().setFullPage(true))
                    .setMask(List.of(page.locator(DYNAMIC))));
        compare("pages/" + name + "-" + themeName(theme) + "-" + viewport.getKey(), png);
      }
    }
    desktop();
  }

  private void componentShots(ColorScheme theme) {
    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(theme));
    desktop();
    String suffix = "-" + themeName(theme);
    open("/flags");
    component("header" + suffix, page.locator("header.top"));
    component("navigation" + suffix, page.locator("nav[aria-label=Main]"));
    component("flag-row" + suffix, page.locator("#flag-visual-alpha"));
    component("switch-on" + suffix, page.locator("#flag-visual-alpha [role=switch]"));
    component("switch-off" + suffix, page.locator("#flag-visual-beta [role=switch]"));
    page.locator("#flag-visual-beta [role=switch]").click();
    Locator confirmation = page.locator("#flag-visual-beta form.confirm");
    confirmation.waitFor();
    component("confirmation-dialog" + suffix, confirmation);
    open("/flags/visual-alpha");
    component("rollout-slider" + suffix, page.locator("#rollout-form .range"));
    open("/flags/visual-alpha?saved");
    component("toast" + suffix, page.getByTestId("saved"));
  }

  private void component(String name, Locator element) {
    prepare();
    byte[] png =
        element.screenshot(
            new Locator.ScreenshotOptions()
                .setAnimations(ScreenshotAnimations.DISABLED)
                .setCaret(ScreenshotCaret.HIDE)
                .setMask(List.of(page.locator(DYNAMIC))));
    compare("components/" + name, png);
  }

  private Page.ScreenshotOptions steady(Page.ScreenshotOptions options) {
    prepare();
    return options.setAnimations(ScreenshotAnimations.DISABLED).setCaret(ScreenshotCaret.HIDE);
  }

  /**
   * Waits for the self-hosted font, and gives dynamic values one fixed text, so that their width
   * moves nothing else; the mask then covers them.
   */
  private static void prepare() {
    page.evaluate("() => document.fonts.ready.then(() => true)");
    page.evaluate(MARK_IDS);
    page.evaluate(
        "selector => document.querySelectorAll(selector).forEach(e => { e.textContent = 'masked'; })",
        DYNAMIC);
  }

  private void compare(String name, byte[] png) {
    String mismatch = baselines.check(name, png);
    if (mismatch != null) {
      mismatches.add(mismatch);
    }
  }

  private void desktop() {
    int[] desktop = settings.viewports().get("desktop");
    page.setViewportSize(desktop[0], desktop[1]);
  }

  private static String themeName(ColorScheme theme) {
    return theme.name().toLowerCase(Locale.ROOT);
  }
}
