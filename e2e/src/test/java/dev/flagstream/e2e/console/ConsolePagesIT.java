package dev.flagstream.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.TestPlatform;
import dev.flagstream.local.platform.LocalCredentials;
import dev.flagstream.local.platform.LocalPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of the console, in the light and the dark theme: no serious or critical violation of
 * axe-core's WCAG 2.1 A and AA rules, at most 60 KB of scripts and styles gzipped, and a screenshot
 * under {@code target/screenshots/} for people to look at.
 */
class ConsolePagesIT {
  /** The budget of scripts and styles per page, gzipped. */
  static final long BUDGET = 60 * 1024;

  private static LocalPlatform platform;
  private static LocalCredentials credentials;
  private static Chromium chromium;
  private static String flag;

  @BeforeAll
  static void start() {
    platform = TestPlatform.start(ConsolePagesIT.class);
    credentials = platform.credentials();
    chromium = new Chromium();
    Http api = new Http(platform.admin().url(), credentials.token());
    flag = "checkout-v2";
    api.post(
        "/api/admin/flags",
        "{\"name\":\"checkout-v2\",\"description\":\"The new checkout\",\"enabled\":true,"
            + "\"rolloutPercentage\":30,\"metadata\":{\"team\":\"payments\",\"critical\":true}}");
    api.post("/api/admin/flags", "{\"name\":\"dark-mode\",\"description\":\"Dark theme\"}");
    api.put("/api/admin/flags/checkout-v2/rollout", "{\"rolloutPercentage\":50}");
  }

  @AfterAll
  static void stop() {
    chromium.close();
    platform.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = ColorScheme.class,
      names = {"LIGHT", "DARK"})
  void everyPage_hasNoSeriousViolationAndStaysWithinItsBudget(ColorScheme theme) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("dashboard", "/flags");
    pages.put("flag", "/flags/" + flag);
    pages.put("audit", "/audit");
    pages.put("settings", "/settings");
    pages.put("two-factor", "/settings/two-factor");
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = chromium.context(theme)) {
      Page page = context.newPage();
      List<Response> responses = new ArrayList<>();
      page.onResponse(responses::add);
      page.navigate(platform.admin().url() + "/login");
      check("login", page, theme, responses, problems);

      page.getByLabel("Email").fill(credentials.email());
      page.getByLabel("Password").fill(credentials.password());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL("**/flags");
      for (Map.Entry<String, String> each : pages.entrySet()) {
        responses.clear();
        page.navigate(platform.admin().url() + each.getValue());
        check(each.getKey(), page, theme, responses, problems);
      }
    }

    assertThat(problems).isEmpty();
  }

  private static void check(
      String name, Page page, ColorScheme theme, List<Response> responses, List<String> problems) {
    page.waitForLoadState();
    PageChecks.seriousViolations(page).forEach(v -> problems.add(name + ": " + v));
    long weight = PageChecks.scriptsAndStylesGzipped(responses);
    if (weight > BUDGET) {
      problems.add(name + ": " + weight + " bytes of scripts and styles gzipped");
    }
    System.out.printf(
        "console page %s (%s): %d bytes of scripts and styles gzipped, screenshot %s%n",
        name, theme, weight, PageChecks.screenshot(page, name, theme).toAbsolutePath());
  }
}
