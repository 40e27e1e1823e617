package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.ConsoleBrowser;
import dev.flagstream.local.infrastructure.Latencies;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A latency harness, not a speed assertion: with 10,000 flags in the database, times each console
 * page as a signed-in browser loads it over loopback (the server's time plus one local round trip)
 * and prints the percentiles. The test asserts only that each page answered 200; the figures go to
 * the build log and docs/BENCHMARKS.md. Not part of {@code verify}: {@code ./mvnw -Platency -pl
 * flag-admin-service -am verify -Dit.test=ConsolePageLatencyIT} runs it.
 */
class ConsolePageLatencyIT extends AdminServiceIntegration {
  private static final int FLAGS = 10_000;
  private static final int WARM_UP = 100;
  private static final int MEASURED = 300;

  @Test
  void serverTimePerPage_withTenThousandFlags() {
    jdbc.sql(
            "INSERT INTO feature_flags (name, description, enabled, rollout_percentage, metadata)"
                + " SELECT 'flag-' || lpad(i::text, 5, '0'), 'Flag number ' || i, i % 2 = 0,"
                + " (i * 7) % 101, jsonb_build_object('team', 'team-' || (i % 20))"
                + " FROM generate_series(1, "
                + FLAGS
                + ") AS i")
        .update();
    for (int i = 0; i < 50; i++) {
      admin.put("/api/admin/flags/flag-00042/rollout", "{\"rolloutPercentage\":" + i + "}");
    }
    ConsoleBrowser browser =
        ConsoleBrowser.signedIn(port, TestAccounts.EDITOR_EMAIL, TestAccounts.PASSWORD);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("dashboard, first page", "/flags");
    pages.put("dashboard, page 100", "/flags?after=flag-05000");
    pages.put("dashboard, search", "/flags?q=flag-0999");
    pages.put("dashboard, on + partial rollout", "/flags?state=on&partial=true");
    pages.put("dashboard, changed recently", "/flags?recent=true");
    pages.put("flag page (50 changes in history)", "/flags/flag-00042");
    pages.put("rollout preview", "/flags/flag-00042/preview?userId=user-42&rollout=30");
    pages.put("audit log", "/audit");
    pages.put("settings", "/settings");
    pages.put("login", "/login");
    StringBuilder report = new StringBuilder();
    report.append(
        "%nConsole pages with %,d flags (%d requests each after %d to warm up):%n"
            .formatted(FLAGS, MEASURED, WARM_UP));
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (int i = 0; i < WARM_UP; i++) {
        assertThat(browser.get(page.getValue()).status()).isEqualTo(200);
      }
      Latencies latencies = new Latencies();
      for (int i = 0; i < MEASURED; i++) {
        long start = System.nanoTime();
        int status = browser.get(page.getValue()).status();
        latencies.add(Duration.ofNanos(System.nanoTime() - start));
        assertThat(status).isEqualTo(200);
      }
      report.append("  %-36s %s%n".formatted(page.getKey(), latencies.summary()));
    }
    System.out.println(report);
  }
}
