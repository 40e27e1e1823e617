package dev.flagstream.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a smoke run found: every check's result, a summary for people and JUnit XML for CI.
 *
 * @param target the admin and evaluator URLs the run checked, for the summary
 * @param results the checks in the order they ran
 */
public record SmokeReport(String target, List<CheckResult> results) {
  /** The summary's file name in the report directory. */
  public static final String SUMMARY = "smoke-summary.txt";

  /** The JUnit XML file's name in the report directory. */
  public static final String JUNIT = "TEST-smoke.xml";

  public SmokeReport {
    results = List.copyOf(results);
  }

  /** Whether every check passed; false for a run without checks. */
  public boolean passed() {
    return !results.isEmpty() && results.stream().allMatch(CheckResult::passed);
  }

  public List<CheckResult> failures() {
    return results.stream().filter(result -> !result.passed()).toList();
  }

  /** The summary: one line per check, then the verdict, and each failure's reason. */
  public String summary() {
    StringBuilder out = new StringBuilder("Flagstream smoke suite against " + target + "\n\n");
    for (CheckResult result : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-4s  %-6s  %-58s %6d ms%n",
              result.passed() ? "ok" : "FAIL",
              result.group(),
              result.name(),
              result.took().toMillis()));
    }
    int failed = failures().size();
    out.append(
        String.format(
            Locale.ROOT,
            "%n%s: %d checks, %d failed, %.1f s%n",
            passed() ? "PASSED" : "FAILED",
            results.size(),
            failed,
            total().toMillis() / 1000.0));
    for (CheckResult failure : failures()) {
      out.append("\n  ✗ ")
          .append(failure.group())
          .append(" / ")
          .append(failure.name())
          .append(":\n      ")
          .append(failure.failure())
          .append('\n');
    }
    return out.toString();
  }

  /** JUnit XML: one test suite, {@code smoke}, with a test case per check. */
  public String junitXml() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        String.format(
            Locale.ROOT,
            "<testsuite name=\"smoke\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\""
                + " time=\"%.3f\">%n",
            results.size(),
            failures().size(),
            total().toMillis() / 1000.0));
    xml.append("  <properties><property name=\"target\" value=\"")
        .append(escape(target))
        .append("\"/></properties>\n");
    for (CheckResult result : results) {
      xml.append(
          String.format(
              Locale.ROOT,
              "  <testcase classname=\"smoke.%s\" name=\"%s\" time=\"%.3f\"",
              escape(result.group()),
              escape(result.name()),
              result.took().toMillis() / 1000.0));
      String failure = result.failure();
      if (failure == null) {
        xml.append("/>\n");
      } else {
        xml.append(">\n    <failure message=\"")
            .append(escape(failure))
            .append("\">")
            .append(escape(failure))
            .append("</failure>\n  </testcase>\n");
      }
    }
    return xml.append("</testsuite>\n").toString();
  }

  /** Writes {@value #SUMMARY} and {@value #JUNIT} into {@code directory}, creating it. */
  public void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(SUMMARY), summary(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(JUNIT), junitXml(), StandardCharsets.UTF_8);
  }

  private Duration total() {
    return results.stream().map(CheckResult::took).reduce(Duration.ZERO, Duration::plus);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
