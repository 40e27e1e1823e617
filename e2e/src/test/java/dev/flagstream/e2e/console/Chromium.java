package dev.flagstream.e2e.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's Chromium, driven by Playwright, with what makes its pages render alike on every
 * machine: a fixed viewport and scale, no animations, one locale and time zone. Each context is a
 * fresh browser profile in the light or the dark theme.
 */
final class Chromium implements AutoCloseable {
  private final Playwright playwright;
  private final Browser browser;

  Chromium() {
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Path.of(System.getProperty("flagstream.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--font-render-hinting=none",
                            "--disable-lcd-text",
                            "--force-color-profile=srgb",
                            "--hide-scrollbars")));
  }

  BrowserContext context(ColorScheme theme) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setDeviceScaleFactor(1)
                .setReducedMotion(ReducedMotion.REDUCE)
                .setColorScheme(theme)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
    context.setDefaultTimeout(15_000);
    return context;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
