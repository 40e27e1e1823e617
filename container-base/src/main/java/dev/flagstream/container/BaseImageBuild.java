package dev.flagstream.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds Flagstream's base image, {@code flagstream/java-runtime}, as a {@code docker save}
 * archive, with no container engine and no registry: OpenJDK 17's runtime and the libraries it
 * loads, from Debian 12 packages fetched by apt (see {@link DebianPackages}), in one layer, running
 * as the unprivileged user {@code nonroot} (65532), with the health check of {@link HealthCheck}.
 * The services' images are built on it by Jib ({@code tar://} base image). Why:
 * docs/adr/0012-container-images-on-a-base-built-from-debian-packages.md.
 *
 * <p>Arguments, each {@code --name=value}: {@code output} (the archive), {@code cache} (apt's lists
 * and the packages, kept between builds), {@code architecture} ({@code amd64}), {@code tag}, {@code
 * mirror}, {@code security-mirror}, {@code keyring}, {@code apt-get}.
 */
public final class BaseImageBuild {
  /** The packages in the image, in the order their files are written. */
  static final List<String> PACKAGES =
      List.of(
          "base-files",
          "netbase",
          "tzdata",
          "ca-certificates",
          "gcc-12-base",
          "libc6",
          "libgcc-s1",
          "libstdc++6",
          "zlib1g",
          "openjdk-17-jre-headless");

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /**
   * The health check every image built on this base inherits ({@code CMD} and the command): asks
   * the service for readiness ({@link HealthCheck}) every 10 s.
   */
  public static final List<String> HEALTH_CHECK =
      List.of(
          "CMD",
          "java",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xmx16m",
          "-jar",
          RootFilesystem.HEALTH_CHECK_JAR);

  private BaseImageBuild() {}

  /** Builds the archive the arguments name; exits non-zero, saying why, when it cannot. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    Path output = Path.of(required(options, "output"));
    String architecture = options.getOrDefault("architecture", "amd64");
    DebianPackages.Source source =
        new DebianPackages.Source(
            options.getOrDefault("apt-get", "apt-get"),
            options.getOrDefault("mirror", "http://deb.debian.org/debian"),
            options.getOrDefault("security-mirror", "http://deb.debian.org/debian-security"),
            "bookworm",
            Path.of(
                options.getOrDefault("keyring", "/usr/share/keyrings/debian-archive-keyring.gpg")));
    Path cache = Path.of(required(options, "cache"));
    Consumer<String> log = line -> System.out.println("[container-base] " + line);
    List<Path> debs = new DebianPackages(source, cache, architecture, log).fetch(PACKAGES);
    String tag = options.getOrDefault("tag", "flagstream/java-runtime:17");
    List<String> packages = build(debs, architecture, output, tag);
    log.accept("Wrote " + output + " (" + Files.size(output) / (1 << 20) + " MB): " + packages);
  }

  /** Builds the archive from the given package files; returns each package as name=version. */
  static List<String> build(List<Path> debs, String architecture, Path output, String tag)
      throws IOException {
    List<DebFile> packages = new ArrayList<>();
    for (Path deb : debs) {
      DebFile file = DebFile.read(deb);
      if (!file.architecture().equals(architecture) && !file.architecture().equals("all")) {
        throw new IOException(deb + " is for " + file.architecture() + ", not " + architecture);
      }
      packages.add(file);
    }
    Path directory = Files.createDirectories(output.toAbsolutePath().getParent());
    Path layer = Files.createTempFile(directory, "layer", ".tar.gz");
    try {
      List<String> versions;
      String diffId;
      try (LayerWriter writer = new LayerWriter(Files.newOutputStream(layer))) {
        versions = RootFilesystem.write(packages, healthCheckJar(), writer);
        diffId = writer.finish();
      }
      DockerArchive.write(output, configuration(architecture, diffId, versions), layer, tag);
      return versions;
    } finally {
      Files.deleteIfExists(layer);
    }
  }

  /** The image configuration: user, environment, working directory, health check, labels. */
  static Map<String, Object> configuration(
      String architecture, String diffId, List<String> packages) {
    Map<String, Object> healthCheck = new LinkedHashMap<>();
    healthCheck.put("Test", HEALTH_CHECK);
    healthCheck.put("Interval", Duration.ofSeconds(10).toNanos());
    healthCheck.put("Timeout", Duration.ofSeconds(5).toNanos());
    healthCheck.put("StartPeriod", Duration.ofSeconds(90).toNanos());
    healthCheck.put("Retries", 3);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "Flagstream Java runtime");
    labels.put(
        "org.opencontainers.image.description",
        "OpenJDK 17's runtime and the libraries it loads, from Debian 12 packages");
    labels.put("dev.flagstream.base.packages", String.join(" ", packages));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("User", RootFilesystem.NONROOT + ":" + RootFilesystem.NONROOT);
    config.put(
        "Env", List.of("PATH=" + PATH, "JAVA_HOME=" + RootFilesystem.JAVA_HOME, "LANG=C.UTF-8"));
    config.put("WorkingDir", RootFilesystem.HOME);
    config.put("Healthcheck", healthCheck);
    config.put("Labels", labels);
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("architecture", architecture);
    image.put("os", "linux");
    image.put("created", LayerWriter.GENERATED.toString());
    image.put("config", config);
    // Ordered maps throughout: Map.of iterates in an order that changes from one JVM to the next,
    // and the configuration's bytes are its digest, so the same packages must give the same bytes.
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", List.of(diffId));
    image.put("rootfs", rootfs);
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("created", LayerWriter.GENERATED.toString());
    history.put(
        "created_by",
        "Flagstream container-base: Debian 12 packages " + String.join(" ", packages));
    image.put("history", List.of(history));
    return image;
  }

  /** A jar holding {@link HealthCheck} alone, runnable with {@code java -jar}. */
  static byte[] healthCheckJar() throws IOException {
    String name = HealthCheck.class.getName().replace('.', '/') + ".class";
    byte[] bytes;
    try (InputStream in = HealthCheck.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the class path");
      }
      bytes = in.readAllBytes();
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthCheck.class.getName());
    ByteArrayOutputStream jar = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(jar)) {
      put(out, "META-INF/MANIFEST.MF", manifestBytes(manifest));
      put(out, name, bytes);
    }
    return jar.toByteArray();
  }

  private static byte[] manifestBytes(Manifest manifest) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    manifest.write(out);
    return out.toByteArray();
  }

  private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
    JarEntry entry = new JarEntry(name);
    // The zip format's earliest time, in local time: the same bytes in every time zone.
    entry.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
    jar.putNextEntry(entry);
    jar.write(content);
    jar.closeEntry();
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      int equals = arg.indexOf('=');
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + "= is required");
    }
    return value;
  }
}
