package dev.flagstream.local.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * Jar files made from classes this JVM has loaded: the {@link ParentWatch} agent's, which has to be
 * a jar with a {@code Premain-Class} whatever the launcher's own class path looks like (a jar, or a
 * directory of classes in an IDE).
 */
final class AgentJar {
  private static @Nullable Path parentWatch;

  private AgentJar() {}

  /** The {@link ParentWatch} agent's jar, written once per JVM into a temporary file. */
  static synchronized Path parentWatch() {
    Path jar = parentWatch;
    if (jar == null) {
      try {
        jar = Files.createTempFile("flagstream-parent-watch", ".jar");
        jar.toFile().deleteOnExit();
        write(jar, "Premain-Class", ParentWatch.class);
        parentWatch = jar;
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the parent watch agent", e);
      }
    }
    return jar;
  }

  /**
   * Writes a jar holding {@code classes} (each a top-level class without nested ones), whose
   * manifest names the first as {@code role} ({@code Main-Class}, {@code Premain-Class}).
   */
  static void write(Path jar, String role, Class<?>... classes) throws IOException {
    write(jar, Map.of(role, classes[0].getName()), classes);
  }

  /**
   * Writes a jar holding {@code classes} (each a top-level class without nested ones), with {@code
   * attributes} in its manifest, e.g. {@code Main-Class} and {@code Class-Path}.
   */
  static void write(Path jar, Map<String, String> attributes, Class<?>... classes)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach(manifest.getMainAttributes()::putValue);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
          if (bytes == null) {
            throw new IOException("no class file for " + type.getName());
          }
          bytes.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
