package dev.flagstream.e2e.console;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * What every page of the console is held to, measured in the browser: axe-core's WCAG 2.1 A and AA
 * rules, the weight of its scripts and styles, and a screenshot kept for people to look at.
 */
final class PageChecks {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private PageChecks() {}

  /** The serious and critical violations of the page as it is now, each with where it is. */
  static List<String> seriousViolations(Page page) {
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze();
    List<String> violations = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String impact = rule.getImpact() == null ? "" : rule.getImpact();
      if (impact.equals("serious") || impact.equals("critical")) {
        rule.getNodes().forEach(node -> violations.add(rule.getId() + " at " + node.getTarget()));
      }
    }
    return violations;
  }

  /** Writes the page's screenshot as {@code target/screenshots/<name>-<theme>.png}. */
  static Path screenshot(Page page, String name, ColorScheme theme) {
    page.evaluate("document.fonts.ready");
    Path file = SCREENSHOTS.resolve(name + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(file)
            .setFullPage(true)
            .setAnimations(ScreenshotAnimations.DISABLED)
            .setCaret(ScreenshotCaret.HIDE));
    return file;
  }

  /** The gzipped size of the scripts and style sheets among {@code responses}, in bytes. */
  static long scriptsAndStylesGzipped(List<Response> responses) {
    long total = 0;
    for (Response response : responses) {
      String type = response.request().resourceType();
      if (type.equals("script") || type.equals("stylesheet")) {
        total += gzipped(response.body());
      }
    }
    return total;
  }

  private static long gzipped(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }
}
