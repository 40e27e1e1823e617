package dev.flagstream.smoke;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command behind {@code e2e/smoke/run-smoke.sh}: {@code RunSmoke <admin-url> [evaluator-url]}
 * with {@code SMOKE_TOKEN}, {@code SMOKE_SDK_KEY} (and {@code SMOKE_EMAIL}, {@code SMOKE_PASSWORD}
 * for the signed-in pages, {@code SMOKE_CHROMIUM} for the browser, {@code SMOKE_REPORTS} for where
 * the summary and JUnit XML go) in the environment. Prints the summary; exits 0 when every check
 * passed, 1 when one failed, 2 when it was called wrongly.
 */
public final class RunSmoke {
  /** Where the browser is looked for when {@code SMOKE_CHROMIUM} is not set, in this order. */
  static final List<String> BROWSERS =
      List.of(
          "/usr/bin/chromium",
          "/usr/bin/chromium-browser",
          "/usr/bin/google-chrome",
          "/usr/bin/google-chrome-stable");

  private RunSmoke() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out));
  }

  /** Runs the suite as the command does; returns the exit status. */
  public static int run(String[] args, Map<String, String> environment, PrintStream out) {
    if (args.length < 1 || args.length > 2) {
      out.println("usage: run-smoke.sh <admin-url> [evaluator-url]");
      return 2;
    }
    String admin = args[0];
    String evaluator = args.length == 2 ? args[1] : defaultEvaluator(admin);
    String token = environment.get("SMOKE_TOKEN");
    String sdkKey = environment.get("SMOKE_SDK_KEY");
    if (evaluator == null || token == null || sdkKey == null || blank(token) || blank(sdkKey)) {
      out.println(
          "The smoke suite needs SMOKE_TOKEN (an admin API token of an editor or admin) and"
              + " SMOKE_SDK_KEY (a server SDK key) in the environment, and the evaluator's URL"
              + " unless the admin's is on port 3001.");
      return 2;
    }
    SmokeTarget target =
        new SmokeTarget(
            admin,
            evaluator,
            token,
            sdkKey,
            given(environment.get("SMOKE_EMAIL")),
            given(environment.get("SMOKE_PASSWORD")),
            chromium(environment.get("SMOKE_CHROMIUM")));
    SmokeReport report = SmokeSuite.run(target);
    Path reports = Path.of(environment.getOrDefault("SMOKE_REPORTS", "target/smoke"));
    out.print(report.summary());
    try {
      report.writeTo(reports);
      out.println("\nReports: " + reports.toAbsolutePath());
    } catch (IOException e) {
      out.println("\nCould not write the reports to " + reports.toAbsolutePath() + ": " + e);
      return 1;
    }
    return report.passed() ? 0 : 1;
  }

  /** The evaluator beside an admin on the usual port 3001: the same host, port 3002. */
  static @Nullable String defaultEvaluator(String admin) {
    return admin.matches(".*:3001/?$") ? admin.replaceFirst(":3001/?$", ":3002") : null;
  }

  private static Path chromium(@Nullable String given) {
    if (!blank(given)) {
      return Path.of(given);
    }
    return BROWSERS.stream()
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(Path.of(BROWSERS.get(0)));
  }

  private static @Nullable String given(@Nullable String value) {
    return blank(value) ? null : value;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
