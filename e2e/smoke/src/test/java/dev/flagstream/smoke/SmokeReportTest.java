package dev.flagstream.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeReportTest {
  private static final CheckResult PASSED =
      new CheckResult("api", "admin /health", Duration.ofMillis(12), null);
  private static final CheckResult FAILED =
      new CheckResult(
          "api", "evaluator /health", Duration.ofMillis(3), "cannot connect: <refused> & \"gone\"");

  @Test
  void aReportWithAFailure_failsAndNamesItInTheSummary() {
    SmokeReport report = new SmokeReport("admin a, evaluator b", List.of(PASSED, FAILED));

    assertThat(report.passed()).isFalse();
    assertThat(report.summary())
        .contains("ok    api     admin /health")
        .contains("FAIL  api     evaluator /health")
        .contains("FAILED: 2 checks, 1 failed")
        .contains("api / evaluator /health:\n      cannot connect: <refused> & \"gone\"");
  }

  @Test
  void junitXml_countsTheChecksAndEscapesTheFailure() {
    String xml = new SmokeReport("admin a", List.of(PASSED, FAILED)).junitXml();

    assertThat(xml)
        .contains("<testsuite name=\"smoke\" tests=\"2\" failures=\"1\"")
        .contains("<testcase classname=\"smoke.api\" name=\"admin /health\" time=\"0.012\"/>")
        .contains("<failure message=\"cannot connect: &lt;refused&gt; &amp; &quot;gone&quot;\">");
  }

  @Test
  void aReportWithoutChecks_doesNotPass() {
    assertThat(new SmokeReport("admin a", List.of()).passed()).isFalse();
    assertThat(new SmokeReport("admin a", List.of(PASSED)).passed()).isTrue();
  }
}
