package dev.flagstream.e2e.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.SharedPlatform;
import dev.flagstream.local.platform.LocalCredentials;
import dev.flagstream.local.platform.LocalPlatform;
import dev.flagstream.smoke.CheckResult;
import dev.flagstream.smoke.RunSmoke;
import dev.flagstream.smoke.SmokeReport;
import dev.flagstream.smoke.SmokeSuite;
import dev.flagstream.smoke.SmokeTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The post-deploy smoke suite ({@code e2e/smoke/run-smoke.sh}) against the local stack: every check
 * passes and leaves the canary as it found it; against a stopped evaluator the command fails, and
 * its summary says which checks failed and why.
 */
class SmokeIT {
  private static LocalPlatform platform;
  private static Http admin;

  @BeforeAll
  static void start() {
    platform = SharedPlatform.get();
    admin = new Http(platform.admin().url(), platform.credentials().token());
  }

  private static Map<String, String> environment(Path reports) {
    LocalCredentials credentials = platform.credentials();
    return Map.of(
        "SMOKE_TOKEN", credentials.token(),
        "SMOKE_SDK_KEY", credentials.serverKey(),
        "SMOKE_EMAIL", credentials.email(),
        "SMOKE_PASSWORD", credentials.password(),
        "SMOKE_CHROMIUM", System.getProperty("flagstream.chromium", "/usr/bin/chromium"),
        "SMOKE_REPORTS", reports.toString());
  }

  @Test
  void theSuite_passesAgainstTheLocalStack_andPutsTheCanaryBack() throws IOException {
    LocalCredentials credentials = platform.credentials();
    SmokeReport report =
        SmokeSuite.run(
            new SmokeTarget(
                platform.admin().url(),
                platform.evaluator().url(),
                credentials.token(),
                credentials.serverKey(),
                credentials.email(),
                credentials.password(),
                Path.of(System.getProperty("flagstream.chromium", "/usr/bin/chromium"))));
    report.writeTo(Path.of("target", "smoke"));
    System.out.print(report.summary());

    assertThat(report.failures()).isEmpty();
    assertThat(report.results())
        .extracting(CheckResult::group)
        .containsOnly("api", "canary", "pages")
        .hasSize(18);
    assertThat(admin.get("/api/admin/flags/" + SmokeSuite.CANARY).json().get("enabled").asBoolean())
        .as("put back off, as the run created it")
        .isFalse();
  }

  @Test
  void againstAStoppedEvaluator_theCommandFails_sayingWhichChecksAndWhy() throws IOException {
    Path reports = Path.of("target", "smoke-stopped-evaluator");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status;
    platform.evaluator().stop();
    try {
      status =
          RunSmoke.run(
              new String[] {platform.admin().url(), platform.evaluator().url()},
              environment(reports),
              new PrintStream(printed, true, StandardCharsets.UTF_8));
    } finally {
      platform.evaluator().start();
    }
    String summary = printed.toString(StandardCharsets.UTF_8);

    assertThat(status).as(summary).isEqualTo(1);
    assertThat(summary)
        .contains("FAILED: 18 checks")
        .contains("FAIL  api     evaluator /health/ready")
        .contains("GET " + platform.evaluator().url() + "/health/ready: cannot connect")
        .contains("ok    api     admin /health/ready");
    assertThat(Files.readString(reports.resolve(SmokeReport.JUNIT)))
        .contains("<testsuite name=\"smoke\" tests=\"18\"")
        .contains("<failure message=\"GET " + platform.evaluator().url());
    assertThat(admin.get("/api/admin/flags/" + SmokeSuite.CANARY).json().get("enabled").asBoolean())
        .as("the canary is put back even when the evaluator cannot confirm it")
        .isFalse();
  }
}
