package dev.flagstream.local.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link FakeService} as an executable jar, in a service's place: with {@link FakeCapture}
 * and Kafka's client beside it (its manifest's class path), so that as the admin it can create the
 * flag topic.
 */
final class FakeServiceJar {
  private FakeServiceJar() {}

  /** Writes {@code fake-service.jar} and its libraries into {@code directory}; returns the jar. */
  static Path write(Path directory) throws IOException {
    Path libraries = Files.createDirectories(directory.resolve("lib"));
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path file = Path.of(entry);
      String name = file.getFileName().toString();
      if (name.startsWith("kafka-clients-") || name.startsWith("slf4j-api-")) {
        Files.copy(file, libraries.resolve(name));
        classPath.add("lib/" + name);
      }
    }
    Path jar = directory.resolve("fake-service.jar");
    AgentJar.write(
        jar,
        Map.of(
            "Main-Class", FakeService.class.getName(), "Class-Path", String.join(" ", classPath)),
        FakeService.class,
        FakeCapture.class);
    return jar;
  }
}
