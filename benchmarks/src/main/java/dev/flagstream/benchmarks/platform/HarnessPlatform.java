package dev.flagstream.benchmarks.platform;

import dev.flagstream.local.platform.LocalPlatform;
import dev.flagstream.local.platform.LocalPlatformBuilder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The platform a harness measures, started as {@code ./mvnw -Prun} starts it, with its services'
 * logs kept beside the report (where a slow or failed run is explained), and the HTTP client the
 * harness speaks to it with: HTTP/1.1, as browsers and load generators reach the services.
 *
 * @param platform the admin service, the evaluator, PostgreSQL and Kafka
 * @param http the harness's client
 */
public record HarnessPlatform(LocalPlatform platform, HttpClient http) implements AutoCloseable {

  /**
   * Starts the platform.
   *
   * @param out the report's directory; the logs go to its {@code platform-logs}
   * @param adminSettings Spring properties given to the admin service
   * @param evaluatorSettings Spring properties given to the evaluator
   */
  public static HarnessPlatform start(
      Path out, Map<String, String> adminSettings, Map<String, String> evaluatorSettings)
      throws IOException {
    Files.createDirectories(out);
    LocalPlatformBuilder builder =
        LocalPlatform.builder().logDirectory(out.resolve("platform-logs"));
    adminSettings.forEach(builder::adminSetting);
    evaluatorSettings.forEach(builder::evaluatorSetting);
    LocalPlatform platform = builder.start();
    return new HarnessPlatform(
        platform, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  /** Stops every part and deletes their data. */
  @Override
  public void close() {
    platform.close();
  }
}
