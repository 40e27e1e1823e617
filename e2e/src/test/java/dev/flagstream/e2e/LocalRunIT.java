package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.LocalRunProcess;
import dev.flagstream.local.infrastructure.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw -Prun} as a developer meets it: a calm console that ends with the banner, a
 * platform that serves with the credentials the banner prints, full logs in files, everything
 * stopped by Ctrl-C, and the data found again by the next run.
 */
class LocalRunIT {
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration STOP = Duration.ofMinutes(1);
  private static final String BANNER_START = "  Flagstream is running";
  private static final String BANNER_END =
      "  Ctrl-C stops everything; the data stays for the next run.";
  // What the console may show besides the banner: the first line, and warnings of the services.
  private static final int CALM = 25;

  @TempDir Path home;
  private final int adminPort = FreePorts.any();
  private final int evaluatorPort = FreePorts.anyExcept(adminPort);
  private final int kafkaPort = FreePorts.any();

  @Test
  void aRun_printsLittleButTheBanner_servesWithItsCredentials_andCtrlCStopsEverything()
      throws Exception {
    String token;
    try (LocalRunProcess run = LocalRunProcess.start(home, adminPort, evaluatorPort, kafkaPort)) {
      List<String> console = awaitBanner(run);

      assertThat(console.get(0)).startsWith("Starting Flagstream: data in " + home);
      int banner = bannerStart(console);
      List<String> beforeTheBanner = console.subList(1, banner);
      assertThat(beforeTheBanner)
          .as("only the services' warnings, each labelled with its service's name")
          .hasSizeLessThan(CALM)
          .allMatch(
              line ->
                  line.isEmpty()
                      || line.startsWith("flag-admin-service | ")
                      || line.startsWith("flag-evaluator-service | "));
      assertThat(console.subList(banner, console.size()))
          .anyMatch(line -> line.contains("http://localhost:" + adminPort))
          .anyMatch(line -> line.contains("http://localhost:" + evaluatorPort))
          .anyMatch(line -> line.contains("localhost:" + kafkaPort))
          .anyMatch(
              line -> line.startsWith("    started in") && line.contains("flag-admin-service"))
          .anyMatch(line -> line.startsWith("    memory") && line.contains("MB"));
      token = valueOf(console, "API token");
      String serverKey = valueOf(console, "SDK keys").split("\\s+")[1];

      Http admin = new Http("http://localhost:" + adminPort, token);
      Http sdk = new Http("http://localhost:" + evaluatorPort, serverKey);
      Http.Reply created = admin.post("/api/admin/flags", "{\"name\":\"kept\",\"enabled\":true}");
      assertThat(created.status()).isEqualTo(201);
      Http.Reply read =
          sdk.send(
              "GET",
              "/api/flags/kept/evaluation?userId=u-1",
              null,
              "Flagstream-Revision",
              created.header("Flagstream-Revision"));
      assertThat(read.json().get("revisionReached").asBoolean())
          .as("captured from PostgreSQL onto Kafka, read by the evaluator")
          .isTrue();

      Path logs = home.resolve("logs");
      assertThat(Files.readString(logs.resolve("flag-admin-service.log")))
          .as("the full log, not only warnings")
          .contains("INFO");
      assertThat(Files.readString(logs.resolve("flag-evaluator-service.log")))
          .contains("INFO")
          .contains("flag-evaluator-service")
          .doesNotContain("flag-admin-service");
      assertThat(logs.resolve("kafka.log")).isNotEmptyFile();
      assertThat(logs.resolve("postgres.log")).exists();

      List<ProcessHandle> started = run.process().descendants().toList();
      assertThat(run.stop(STOP)).as("stopped as Ctrl-C stops it").isIn(0, 130, 143);
      assertThat(started).noneMatch(ProcessHandle::isAlive);
      assertThat(List.of(adminPort, evaluatorPort, kafkaPort)).noneMatch(LocalRunIT::accepts);
      assertThat(home.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
    }

    try (LocalRunProcess again = LocalRunProcess.start(home, adminPort, evaluatorPort, kafkaPort)) {
      List<String> console = awaitBanner(again);

      assertThat(valueOf(console, "API token")).as("the same credentials").isEqualTo(token);
      Http admin = new Http("http://localhost:" + adminPort, token);
      assertThat(admin.get("/api/admin/flags/kept").status()).as("the same data").isEqualTo(200);
    }
  }

  /** Waits until the banner has been printed in full; returns the console up to its end. */
  private static List<String> awaitBanner(LocalRunProcess run) {
    await()
        .atMost(START)
        .failFast("the local run exited", () -> !run.process().isAlive())
        .until(() -> run.lines().contains(BANNER_END));
    List<String> console = run.lines();
    return console.subList(0, console.indexOf(BANNER_END) + 1);
  }

  private static int bannerStart(List<String> console) {
    for (int i = 0; i < console.size(); i++) {
      if (console.get(i).startsWith(BANNER_START)) {
        return i;
      }
    }
    throw new AssertionError("no banner in " + console);
  }

  /** The value of the banner's line {@code label}, e.g. {@code API token fst_…}. */
  private static String valueOf(List<String> banner, String label) {
    Predicate<String> labelled = line -> line.strip().startsWith(label);
    String line = banner.stream().filter(labelled).findFirst().orElseThrow();
    return line.strip().substring(label.length()).strip();
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
