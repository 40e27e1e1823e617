package dev.flagstream.benchmarks.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * One SDK of the comparison: the name a reader knows it by and the version this jar was built with,
 * written into {@code versions.properties} by the build so that the report names what really ran
 * (the {@code unleash9} jar holds 9.3.2, the default one 12.x).
 *
 * @param name what the report and the chart call it
 * @param version its version, or "this build" for Flagstream
 * @param flagstream whether it is Flagstream's own client
 */
record Sdk(String name, String version, boolean flagstream) {
  private static final Properties VERSIONS = versions();

  /** The SDK that the benchmark method {@code method} calls. */
  static Sdk of(String method) {
    return switch (method) {
      case "flagstream" -> new Sdk("Flagstream", "this build", true);
      case "launchDarkly" -> peer(method, "LaunchDarkly");
      case "flagd" -> peer(method, "flagd");
      case "unleash" -> peer(method, "Unleash");
      default -> throw new IllegalArgumentException("No SDK behind the benchmark " + method);
    };
  }

  /** The name with the version, as a label: "LaunchDarkly 7.8.0". */
  String label() {
    return flagstream ? name : name + " " + version;
  }

  private static Sdk peer(String method, String name) {
    String version = VERSIONS.getProperty(method);
    if (version == null) {
      throw new IllegalStateException("versions.properties names no version for " + method);
    }
    return new Sdk(name, version, false);
  }

  private static Properties versions() {
    Properties versions = new Properties();
    try (InputStream in = Sdk.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the class path");
      }
      versions.load(in);
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
