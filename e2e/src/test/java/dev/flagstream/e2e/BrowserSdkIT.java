package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.e2e.fixtures.SharedPlatform;
import dev.flagstream.local.platform.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser SDK ({@code flag-client/web}) against the real platform: its live test, run by Node,
 * renders a component using {@code useFeatureFlag} in jsdom, fed by Node's {@code eventsource} from
 * this platform's evaluator, changes the flag through the admin API, and waits for the re-render;
 * it also loads the values, reads its own writes and switches users over the wire. This test passes
 * the platform's addresses and credentials to it, and records how long each change took from the
 * admin's answer to the re-render (docs/BENCHMARKS.md). On the shared platform: it only adds a
 * flag.
 */
class BrowserSdkIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long NODE_PATIENCE_MINUTES = 4;

  private static LocalPlatform platform;

  @BeforeAll
  static void start() {
    Assumptions.assumeFalse(
        Boolean.getBoolean("flagstream.web.skip"), "the build leaves the browser SDK out");
    platform = SharedPlatform.get();
  }

  @Test
  void aComponentUsingTheHook_reRendersWhenItsFlagChangesThroughTheAdminApi()
      throws IOException, InterruptedException {
    Path web = Path.of(System.getProperty("flagstream.web.dir", "../flag-client/web"));
    assertThat(web.resolve("node_modules/vitest/vitest.mjs"))
        .as("flag-client/web is built (npm ci): run with -am, or build it first")
        .isRegularFile();
    Path report = Path.of("target", "browser-sdk-live.json").toAbsolutePath();
    Path output = platform.logDirectory().resolve("vitest-live.log").toAbsolutePath();
    Files.deleteIfExists(report);

    ProcessBuilder vitest =
        new ProcessBuilder(
                "node",
                "node_modules/vitest/vitest.mjs",
                "run",
                "--config",
                "vitest.live.config.ts")
            .directory(web.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> environment = vitest.environment();
    environment.put("FLAGSTREAM_EVALUATOR_URL", platform.evaluator().url());
    environment.put("FLAGSTREAM_CLIENT_KEY", platform.credentials().clientKey());
    environment.put("FLAGSTREAM_ADMIN_URL", platform.admin().url());
    environment.put("FLAGSTREAM_ADMIN_TOKEN", platform.credentials().token());
    environment.put("FLAGSTREAM_LIVE_REPORT", report.toString());
    environment.put("NO_COLOR", "1");
    Process node = vitest.start();
    boolean ended = node.waitFor(NODE_PATIENCE_MINUTES, TimeUnit.MINUTES);
    if (!ended) {
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
    }
    String log = Files.readString(output);

    assertThat(ended)
        .as("the live test ended within %d minutes:%n%s", NODE_PATIENCE_MINUTES, log)
        .isTrue();
    assertThat(node.exitValue()).as("the live test passed:%n%s", log).isZero();
    assertThat(log).contains("1 passed");
    JsonNode figures = JSON.readTree(report.toFile());
    assertThat(figures.get("latencies").size()).isEqualTo(figures.get("rounds").asInt());
    System.out.printf(
        "BrowserSdkIT: admin change to re-render over %d changes: p50 %.1f ms, p90 %.1f ms,"
            + " max %.1f ms (%d re-rendered before the admin's answer arrived)%n",
        figures.get("rounds").asInt(),
        figures.get("p50").asDouble(),
        figures.get("p90").asDouble(),
        figures.get("max").asDouble(),
        figures.get("beforeAnswer").asInt());
  }
}
