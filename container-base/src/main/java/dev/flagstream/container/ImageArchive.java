package dev.flagstream.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image archive in the format of {@code docker save}, as Jib's {@code buildTar} and {@link
 * BaseImageBuild} write it: what its configuration says (user, entrypoint, ports, labels, health
 * check) and its files, read without a container engine. Immutable once opened; reading layers
 * reads the archive again.
 */
public final class ImageArchive {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path archive;
  private final List<String> tags;
  private final List<String> layers;
  private final JsonNode configuration;

  private ImageArchive(Path archive, List<String> tags, List<String> layers, JsonNode config) {
    this.archive = archive;
    this.tags = tags;
    this.layers = layers;
    this.configuration = config;
  }

  /**
   * Reads the archive's manifest and configuration.
   *
   * @throws IOException if it cannot be read or is not an image archive
   */
  public static ImageArchive open(Path archive) throws IOException {
    Map<String, byte[]> small = new HashMap<>();
    try (TarArchiveInputStream tar = tar(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile() && entry.getName().endsWith(".json")) {
          small.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    byte[] manifestBytes = small.get("manifest.json");
    if (manifestBytes == null) {
      throw new IOException(archive + " has no manifest.json: not an image archive");
    }
    JsonNode manifest = JSON.readTree(manifestBytes).get(0);
    String configName = field(manifest, "config").asString();
    byte[] config = small.get(configName);
    if (config == null) {
      throw new IOException(archive + " lacks its configuration " + configName);
    }
    List<String> tags = strings(field(manifest, "repoTags"));
    List<String> layers = strings(field(manifest, "layers"));
    return new ImageArchive(archive, tags, layers, JSON.readTree(config));
  }

  /** The names the image loads under ({@code docker load}). */
  public List<String> tags() {
    return tags;
  }

  /** How many layers the image has. */
  public int layerCount() {
    return layers.size();
  }

  /** The user the container runs as, as the configuration says it ({@code 65532:65532}). */
  public String user() {
    return text(configuration.path("config").path("User"));
  }

  /** The entrypoint, empty if none. */
  public List<String> entrypoint() {
    return strings(configuration.path("config").path("Entrypoint"));
  }

  /** The command appended to the entrypoint, empty if none. */
  public List<String> command() {
    return strings(configuration.path("config").path("Cmd"));
  }

  /** The working directory. */
  public String workingDirectory() {
    return text(configuration.path("config").path("WorkingDir"));
  }

  /** The exposed ports, as {@code 3001/tcp}. */
  public Set<String> exposedPorts() {
    return new TreeSet<>(names(configuration.path("config").path("ExposedPorts")));
  }

  /** The labels, by name. */
  public Map<String, String> labels() {
    return pairs(configuration.path("config").path("Labels"));
  }

  /** The environment the container starts with, by name. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String pair : strings(configuration.path("config").path("Env"))) {
      int equals = pair.indexOf('=');
      environment.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return environment;
  }

  /** The health check command ({@code CMD} and its arguments), empty if none. */
  public List<String> healthCheck() {
    return strings(configuration.path("config").path("Healthcheck").path("Test"));
  }

  /** The health check's interval, timeout, start period (nanoseconds) and retries, by name. */
  public Map<String, Long> healthCheckTiming() {
    Map<String, Long> timing = new LinkedHashMap<>();
    JsonNode check = configuration.path("config").path("Healthcheck");
    for (String name : List.of("Interval", "Timeout", "StartPeriod", "Retries")) {
      if (check.has(name)) {
        timing.put(name, check.get(name).asLong());
      }
    }
    return timing;
  }

  /** The processor architecture ({@code amd64}). */
  public String architecture() {
    return text(configuration.path("architecture"));
  }

  /** The whole configuration, as JSON. */
  public String configurationJson() {
    return configuration.toString();
  }

  /** One file of a layer: its path (no leading slash), kind, mode, owner and link target. */
  public record Entry(String path, char kind, int mode, long uid, long gid, String linkName) {
    public boolean isDirectory() {
      return kind == '5';
    }

    public boolean isSymbolicLink() {
      return kind == '2';
    }
  }

  /** Every entry of every layer, in order (a path a later layer replaces appears twice). */
  public List<Entry> entries() throws IOException {
    List<Entry> entries = new ArrayList<>();
    forEachLayerEntry(
        (entry, content) ->
            entries.add(
                new Entry(
                    trimSlash(LayerWriter.normalize(entry.getName())),
                    (char) typeOf(entry),
                    entry.getMode() & 07777,
                    entry.getLongUserId(),
                    entry.getLongGroupId(),
                    entry.getLinkName())));
    return entries;
  }

  /** The content of a regular file of the image (the last layer that has it wins). */
  public byte[] read(String path) throws IOException {
    String wanted = LayerWriter.normalize(path);
    byte[][] found = new byte[1][];
    forEachLayerEntry(
        (entry, content) -> {
          if (LayerWriter.isRegularFile(entry)
              && LayerWriter.normalize(entry.getName()).equals(wanted)) {
            found[0] = content.readAllBytes();
          }
        });
    if (found[0] == null) {
      throw new IOException(path + " is not a file of " + archive);
    }
    return found[0];
  }

  /**
   * Writes the image's file system under {@code root}, layer over layer, for {@link ImageProcess}.
   * Entries stay inside {@code root}: a link pointing out of it is written as a link but never
   * followed. Owners cannot be set without privileges, so an entry owned by a user other than root
   * gets that user's permissions for everyone, which is what the container's user would have.
   */
  public void extractTo(Path root) throws IOException {
    Files.createDirectories(root);
    Path base = root.toRealPath();
    Map<Path, Integer> directoryModes = new LinkedHashMap<>();
    forEachLayerEntry(
        (entry, content) -> {
          String name = LayerWriter.normalize(entry.getName());
          if (name.isEmpty()) {
            return;
          }
          Path target = base.resolve(name).normalize();
          if (!target.startsWith(base) || !insideParent(base, target)) {
            throw new IOException(name + " points out of the image's root");
          }
          String fileName = target.getFileName().toString();
          if (fileName.startsWith(".wh.")) {
            deleteRecursively(target.resolveSibling(fileName.substring(4)));
            return;
          }
          int mode = effectiveMode(entry);
          if (entry.isDirectory()) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
              Files.deleteIfExists(target);
              Files.createDirectories(target);
            }
            directoryModes.put(target, mode);
            return;
          }
          Files.createDirectories(target.getParent());
          deleteRecursively(target);
          if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          } else if (entry.isLink()) {
            Path source = base.resolve(LayerWriter.normalize(entry.getLinkName())).normalize();
            if (!source.startsWith(base)) {
              throw new IOException(name + " links out of the image's root");
            }
            Files.createLink(target, source);
          } else if (LayerWriter.isRegularFile(entry)) {
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, permissions(mode));
          }
        });
    List<Map.Entry<Path, Integer>> directories = new ArrayList<>(directoryModes.entrySet());
    for (int i = directories.size() - 1; i >= 0; i--) {
      Map.Entry<Path, Integer> directory = directories.get(i);
      Files.setPosixFilePermissions(directory.getKey(), permissions(directory.getValue()));
    }
  }

  private static boolean insideParent(Path base, Path target) throws IOException {
    Path parent = target.getParent();
    while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
      parent = parent.getParent();
    }
    return parent == null || parent.toRealPath().startsWith(base);
  }

  private static int effectiveMode(TarArchiveEntry entry) {
    int mode = entry.getMode() & 0777;
    if (entry.getLongUserId() != 0) {
      int owner = (mode >> 6) & 7;
      mode |= owner << 3 | owner;
    }
    return mode;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    // The extracting user keeps write permission, so that later layers and the final clean-up
    // can change the tree.
    permissions.add(PosixFilePermission.OWNER_WRITE);
    return permissions;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (var children = Files.list(path)) {
        Iterator<Path> each = children.iterator();
        while (each.hasNext()) {
          deleteRecursively(each.next());
        }
      }
    }
    Files.deleteIfExists(path);
  }

  private interface LayerVisitor {
    void visit(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  private void forEachLayerEntry(LayerVisitor visitor) throws IOException {
    for (String layer : layers) {
      try (TarArchiveInputStream outer = tar(archive)) {
        TarArchiveEntry entry;
        while ((entry = outer.getNextEntry()) != null) {
          if (entry.getName().equals(layer)) {
            InputStream content = new BufferedInputStream(outer, 1 << 16);
            content.mark(2);
            int first = content.read();
            int second = content.read();
            content.reset();
            if (first == 0x1f && second == 0x8b) {
              content = new GZIPInputStream(content, 1 << 16);
            }
            TarArchiveInputStream files = new TarArchiveInputStream(content);
            TarArchiveEntry file;
            while ((file = files.getNextEntry()) != null) {
              visitor.visit(file, files);
            }
            break;
          }
        }
      }
    }
  }

  private static TarArchiveInputStream tar(Path archive) throws IOException {
    return new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)));
  }

  private static int typeOf(TarArchiveEntry entry) {
    if (entry.isDirectory()) {
      return '5';
    }
    if (entry.isSymbolicLink()) {
      return '2';
    }
    if (entry.isLink()) {
      return '1';
    }
    return '0';
  }

  private static JsonNode field(JsonNode node, String name) throws IOException {
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    throw new IOException("the manifest has no " + name);
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asString();
  }

  private static List<String> strings(@Nullable JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(value -> values.add(value.asString()));
    }
    return values;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static Map<String, String> pairs(JsonNode node) {
    Map<String, String> pairs = new LinkedHashMap<>();
    node.properties().forEach(field -> pairs.put(field.getKey(), field.getValue().asString()));
    return pairs;
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
