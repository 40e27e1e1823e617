package dev.flagstream.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs of this machine, by feature version: the one running this test, and those installed
 * beside it (a folder with a {@code release} file and {@code bin/java}).
 */
final class Jdks {
  private static final Pattern VERSION =
      Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  private Jdks() {}

  /**
   * The home of a JDK of feature version {@code feature}.
   *
   * @throws IllegalStateException when this machine has none
   */
  static Path home(int feature) {
    Path running = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() == feature) {
      return running;
    }
    List<Path> places = List.of(running.getParent(), Path.of("/usr/lib/jvm"));
    for (Path place : places) {
      Optional<Path> found = search(place, feature);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IllegalStateException(
        "no JDK " + feature + " found beside " + running + " or in /usr/lib/jvm");
  }

  private static Optional<Path> search(Path place, int feature) {
    if (place == null || !Files.isDirectory(place)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(place)) {
      return homes.filter(home -> feature(home) == feature).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
      return -1;
    }
    try {
      Matcher matcher = VERSION.matcher(Files.readString(release));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
