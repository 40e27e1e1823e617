package dev.flagstream.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A Debian binary package (.deb): its control paragraph and the files it installs, read straight
 * from the archive, never unpacked onto the disk, so ownership, modes and links stay exactly as the
 * package says.
 */
final class DebFile {
  /** What is done with each file of a package, in the archive's order. */
  interface EntryVisitor {
    void visit(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  private final Path path;
  private final String control;
  private final Map<String, String> fields;

  private DebFile(Path path, String control) {
    this.path = path;
    this.control = control.strip() + "\n";
    this.fields = parseFields(this.control);
  }

  /** Reads the package's control paragraph; the files are read by {@link #forEachFile}. */
  static DebFile read(Path path) throws IOException {
    String control = null;
    try (ArArchiveInputStream ar = open(path)) {
      ArArchiveEntry member;
      while ((member = ar.getNextEntry()) != null) {
        if (member.getName().startsWith("control.tar")) {
          control = controlParagraph(decompress(member.getName(), ar));
          break;
        }
      }
    }
    if (control == null) {
      throw new IOException(path + " is not a Debian package: it has no control.tar member");
    }
    return new DebFile(path, control);
  }

  String name() {
    return field("Package");
  }

  String version() {
    return field("Version");
  }

  String architecture() {
    return field("Architecture");
  }

  /** The package's control paragraph, as dpkg keeps it for each installed package. */
  String control() {
    return control;
  }

  private String field(String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(path + " has no " + name + " field");
    }
    return value;
  }

  /** Hands every entry of the package's data archive to {@code visitor}, in the archive's order. */
  void forEachFile(EntryVisitor visitor) throws IOException {
    try (ArArchiveInputStream ar = open(path)) {
      ArArchiveEntry member;
      while ((member = ar.getNextEntry()) != null) {
        if (member.getName().startsWith("data.tar")) {
          TarArchiveInputStream data = new TarArchiveInputStream(decompress(member.getName(), ar));
          TarArchiveEntry entry;
          while ((entry = data.getNextEntry()) != null) {
            visitor.visit(entry, data);
          }
          return;
        }
      }
    }
    throw new IOException(path + " is not a Debian package: it has no data.tar member");
  }

  private static ArArchiveInputStream open(Path path) throws IOException {
    return new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(path)));
  }

  private static InputStream decompress(String member, InputStream in) throws IOException {
    if (member.endsWith(".xz")) {
      return new XZCompressorInputStream(in);
    }
    if (member.endsWith(".gz")) {
      return new GZIPInputStream(in);
    }
    if (member.endsWith(".tar")) {
      return in;
    }
    throw new IOException(
        member + " is compressed in a way this reader does not know (xz, gzip or none)");
  }

  private static @Nullable String controlParagraph(InputStream controlTar) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(controlTar);
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = entry.getName();
      if (name.equals("./control") || name.equals("control")) {
        return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * Control fields by name; continuation lines (starting with a blank) belong to the field above.
   */
  static Map<String, String> parseFields(String paragraph) {
    Map<String, String> fields = new LinkedHashMap<>();
    String current = null;
    for (String line : paragraph.split("\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (current != null) {
          fields.merge(current, "\n" + line, String::concat);
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        current = line.substring(0, colon);
        fields.put(current, line.substring(colon + 1).strip());
      }
    }
    return fields;
  }
}
