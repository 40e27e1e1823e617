package dev.flagstream.e2e.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the operator documents are checked against, read from a service's executable jar as it
 * ships: its own compiled classes (never loaded, only read), its {@code application.yml} and its
 * configuration metadata.
 */
record ServiceJar(
    String name, List<byte[]> classes, String applicationYml, ConfigurationMetadata metadata) {
  private static final String CLASSES = "BOOT-INF/classes/";
  // Spring Boot's repackaging moves the classes' META-INF to the jar's root.
  private static final String METADATA = "META-INF/spring-configuration-metadata.json";

  /** The jar the system property {@code property} names, as the e2e build sets it. */
  static ServiceJar named(String name, String property) {
    String file = System.getProperty(property);
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "the system property " + property + " names no jar; run through Maven (e2e/pom.xml)");
    }
    return read(name, Path.of(file));
  }

  static ServiceJar read(String name, Path jar) {
    List<byte[]> classes = new ArrayList<>();
    String yml = "";
    String metadata = "{}";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String path = entry.getName();
        if (path.startsWith(CLASSES + "dev/flagstream/") && path.endsWith(".class")) {
          classes.add(bytes(zip, entry));
        } else if (path.equals(CLASSES + "application.yml")) {
          yml = new String(bytes(zip, entry), StandardCharsets.UTF_8);
        } else if (path.endsWith(METADATA)
            && (path.equals(METADATA) || path.equals(CLASSES + METADATA))) {
          metadata = new String(bytes(zip, entry), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + jar, e);
    }
    return new ServiceJar(name, classes, yml, ConfigurationMetadata.parse(metadata));
  }

  private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }
}
