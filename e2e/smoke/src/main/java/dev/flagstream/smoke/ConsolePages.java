package dev.flagstream.smoke;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's critical pages in Chromium: sign-in, the flags dashboard, the canary's detail, the
 * audit log and settings. Each loads with no answer of 500 or more, no console error and no failed
 * request, and shows its key element.
 */
final class ConsolePages {
  /** A page: its path and the element that shows it rendered. */
  record Critical(String name, String path, String keyElement) {}

  static final List<Critical> SIGNED_IN =
      List.of(
          new Critical("flags dashboard", "/flags", "[data-testid=flags-table]"),
          new Critical("flag detail", "/flags/" + SmokeSuite.CANARY, "[data-testid=flag-state]"),
          new Critical("audit log", "/audit", "[data-testid=audit-table]"),
          new Critical("settings", "/settings", "[data-testid=tokens]"));

  private static final double PATIENCE_MS = 15_000;

  private ConsolePages() {}

  static void run(SmokeTarget target, Checks checks) {
    try (Playwright playwright = Playwright.create();
        Browser browser = launch(playwright, target)) {
      BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
      context.setDefaultTimeout(PATIENCE_MS);
      boolean signedIn = checks.run("pages", "sign-in", () -> signIn(context.newPage(), target));
      for (Critical critical : SIGNED_IN) {
        checks.run(
            "pages",
            critical.name(),
            () -> {
              SmokeFailure.check(signedIn, "not signed in (see sign-in)");
              load(context.newPage(), target.adminUrl(), critical);
            });
      }
    } catch (RuntimeException e) {
      checks.run(
          "pages",
          "Chromium starts",
          () -> {
            throw new SmokeFailure(
                "Chromium " + target.chromium() + " could not be driven: " + e.getMessage());
          });
    }
  }

  private static Browser launch(Playwright playwright, SmokeTarget target) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(target.chromium())
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run")));
  }

  private static void signIn(Page page, SmokeTarget target) {
    try (PageWatch watch = new PageWatch(page)) {
      page.navigate(target.adminUrl() + "/login");
      visible(page, "[data-testid=password-sign-in]");
      watch.assertClean("sign-in");
      SmokeFailure.check(
          target.email() != null && target.password() != null,
          "the sign-in page loads, but SMOKE_EMAIL and SMOKE_PASSWORD are not set, so the"
              + " signed-in pages cannot be checked");
      page.getByLabel("Email").fill(target.email());
      page.getByLabel("Password").fill(target.password());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL("**/flags");
      watch.assertClean("sign-in");
    } finally {
      page.close();
    }
  }

  private static void load(Page page, String adminUrl, Critical critical) {
    try (PageWatch watch = new PageWatch(page)) {
      page.navigate(adminUrl + critical.path());
      page.waitForLoadState();
      visible(page, critical.keyElement());
      watch.assertClean(critical.name());
    } finally {
      page.close();
    }
  }

  private static void visible(Page page, String selector) {
    try {
      page.locator(selector)
          .first()
          .waitFor(
              new com.microsoft.playwright.Locator.WaitForOptions()
                  .setState(WaitForSelectorState.VISIBLE));
    } catch (RuntimeException e) {
      throw new SmokeFailure(
          page.url() + " did not show " + selector + " within " + (int) PATIENCE_MS + " ms");
    }
  }

  /** What went wrong on a page while it loaded: 5xx and 4xx answers, failed requests, errors. */
  static final class PageWatch implements AutoCloseable {
    private final List<String> problems = new ArrayList<>();
    private boolean closed;

    PageWatch(Page page) {
      page.onResponse(
          response -> {
            if (response.status() >= 400 && !closed) {
              problems.add(response.status() + " " + response.url());
            }
          });
      page.onRequestFailed(
          request -> {
            if (!closed) {
              problems.add("failed " + request.url() + " (" + request.failure() + ")");
            }
          });
      page.onConsoleMessage(
          message -> {
            if (message.type().equals("error") && !closed) {
              problems.add("console error: " + message.text());
            }
          });
      page.onPageError(error -> problems.add("uncaught: " + error));
    }

    void assertClean(String name) {
      SmokeFailure.check(problems.isEmpty(), "%s: %s", name, String.join("; ", problems));
    }

    @Override
    public void close() {
      // Closing the page ends its live stream; that request failing is not the page's fault.
      closed = true;
    }
  }
}
