package dev.flagstream.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the platform resolved, written to {@code target/platform.txt} for the matrix's report, and
 * what the client must not bring: a JSON library of its own, which would meet the application's.
 */
class PlatformReportTest {

  @Test
  void client_bringsNoJsonLibrary_andThePlatformIsReported() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("java=" + System.getProperty("java.version"));
    lines.add("kafka-clients=" + kafkaClientsVersion());
    lines.add("slf4j-api=" + versionOf("org.slf4j.Logger"));
    lines.add("jackson2-databind=" + versionOf("com.fasterxml.jackson.databind.ObjectMapper"));
    lines.add("jackson3-databind=" + versionOf("tools.jackson.databind.ObjectMapper"));
    lines.add("openfeature-sdk=" + versionOf("dev.openfeature.sdk.OpenFeatureAPI"));
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("platform.txt"), lines);

    assertThat(versionOf("tools.jackson.databind.ObjectMapper"))
        .as("Jackson 3 on the class path, brought by the client")
        .isEqualTo("absent");
  }

  /**
   * The version kafka-clients states in its own resource (its AppInfoParser, which read it, left
   * {@code common.utils} in 4.4).
   */
  static String kafkaClientsVersion() throws IOException {
    try (InputStream in =
        PlatformReportTest.class
            .getClassLoader()
            .getResourceAsStream("kafka/kafka-version.properties")) {
      if (in == null) {
        return "present";
      }
      Properties version = new Properties();
      version.load(in);
      return version.getProperty("version", "present");
    }
  }

  /** The implementation version of the jar holding {@code className}, or "absent". */
  static String versionOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, PlatformReportTest.class.getClassLoader());
      String version = type.getPackage().getImplementationVersion();
      return version == null ? "present" : version;
    } catch (ClassNotFoundException e) {
      return "absent";
    }
  }
}
