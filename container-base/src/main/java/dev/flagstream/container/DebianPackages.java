package dev.flagstream.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian packages fetched by apt, the ordinary client, from Debian's archive whatever the machine's
 * own distribution: apt runs with Flagstream's own sources list, state and cache (under {@code
 * cache}), and checks the archive's signatures with the Debian archive keyring. The newest version
 * of each package in the suite, its updates and its security updates is taken; a file already in
 * the cache with the checksum the archive lists is not downloaded again. When the archive cannot be
 * reached, the lists of the previous run are used.
 */
final class DebianPackages {
  /**
   * How often apt tries each file again after a failure (a refused connection, a timeout, a mirror
   * answering 5xx), waiting longer each time; apt's default differs between its versions.
   */
  static final int RETRIES = 5;

  /** A package list as apt keeps it: plain, or compressed as apt is configured on Debian. */
  private static final Pattern PACKAGE_LIST =
      Pattern.compile(".*_Packages(\\.(gz|xz|lz4|bz2|zst))?$");

  private static final Pattern PRINTED_URI =
      Pattern.compile(
          "^'(?<uri>[^']+)' (?<file>\\S+) (?<size>\\d+) SHA256:(?<sha256>[0-9a-f]{64})$");

  /** Where and how to fetch. */
  record Source(String aptGet, String mirror, String securityMirror, String suite, Path keyring) {}

  private final Source source;
  private final Path cache;
  private final String architecture;
  private final Consumer<String> log;

  DebianPackages(Source source, Path cache, String architecture, Consumer<String> log) {
    this.source = source;
    this.cache = cache;
    this.architecture = architecture;
    this.log = log;
  }

  /** The .deb files of {@code names}, in that order, downloaded or from the cache. */
  List<Path> fetch(List<String> names) throws IOException {
    if (!Files.isRegularFile(source.keyring())) {
      throw new IOException(
          "no Debian archive keyring at "
              + source.keyring()
              + ": install the package debian-archive-keyring (Debian and Ubuntu have it)");
    }
    prepare();
    Path lists = cache.resolve("state/lists");
    boolean haveLists = hasLists(lists);
    Result update = apt(List.of("update"), cache);
    if (update.exitCode() != 0 || update.output().contains("W: Failed to fetch")) {
      if (!haveLists) {
        throw new IOException(
            "apt-get update failed and nothing is cached: Debian's package lists could not be"
                + " fetched from "
                + source.mirror()
                + " and "
                + source.securityMirror()
                + " ("
                + (RETRIES + 1)
                + " attempts each), and no earlier build left lists in "
                + lists
                + ". The first build on a machine needs Debian's archive; later ones work offline"
                + " from that cache. -Dflagstream.images.skip=true builds without the images.\n"
                + update.output());
      }
      log.accept("Debian's archive is not reachable; using the package lists of an earlier run");
    }
    List<String> printArgs = new ArrayList<>(List.of("download", "--print-uris"));
    printArgs.addAll(names);
    Result printed = apt(printArgs, cache);
    if (printed.exitCode() != 0) {
      throw new IOException("apt-get cannot find the packages:\n" + printed.output());
    }
    List<Path> files = new ArrayList<>();
    List<PrintedUri> uris = parsePrintedUris(printed.output());
    for (String name : names) {
      PrintedUri uri =
          uris.stream()
              .filter(candidate -> candidate.file().startsWith(name + "_"))
              .findFirst()
              .orElseThrow(() -> new IOException("apt-get listed no file for " + name));
      files.add(fetch(uri));
    }
    return files;
  }

  private Path fetch(PrintedUri uri) throws IOException {
    Path debs = cache.resolve("debs");
    Path file = debs.resolve(uri.file());
    if (Files.isRegularFile(file) && sha256(file).equals(uri.sha256())) {
      return file;
    }
    String version = uri.file().split("_")[1].replace("%3a", ":");
    String name = uri.file().split("_")[0];
    Result download = apt(List.of("download", name + "=" + version), debs);
    if (download.exitCode() != 0 || !Files.isRegularFile(file)) {
      throw new IOException(
          "apt-get download "
              + name
              + "="
              + version
              + " failed after "
              + (RETRIES + 1)
              + " attempts to fetch "
              + uri.uri()
              + ":\n"
              + download.output());
    }
    String actual = sha256(file);
    if (!actual.equals(uri.sha256())) {
      Files.delete(file);
      throw new IOException(
          file + " has SHA-256 " + actual + ", the archive lists " + uri.sha256());
    }
    log.accept("Downloaded " + uri.file());
    return file;
  }

  private void prepare() throws IOException {
    Files.createDirectories(cache.resolve("state/lists/partial"));
    Files.createDirectories(cache.resolve("cache/archives/partial"));
    Files.createDirectories(cache.resolve("debs"));
    Files.createDirectories(cache.resolve("sources.list.d"));
    Files.createDirectories(cache.resolve("preferences.d"));
    Path status = cache.resolve("state/status");
    if (!Files.exists(status)) {
      Files.createFile(status);
    }
    Files.writeString(cache.resolve("sources.list"), sourcesList(source), StandardCharsets.UTF_8);
  }

  static String sourcesList(Source source) {
    String options = "[signed-by=" + source.keyring() + "]";
    return String.join(
        "\n",
        "deb " + options + " " + source.mirror() + " " + source.suite() + " main",
        "deb " + options + " " + source.mirror() + " " + source.suite() + "-updates main",
        "deb " + options + " " + source.securityMirror() + " " + source.suite() + "-security main",
        "");
  }

  /** apt's options that make it use this cache and nothing of the machine's own apt setup. */
  List<String> options() {
    return List.of(
        "-o",
        "Dir::Etc::SourceList=" + cache.resolve("sources.list"),
        "-o",
        "Dir::Etc::SourceParts=" + cache.resolve("sources.list.d"),
        "-o",
        "Dir::Etc::Preferences=" + cache.resolve("preferences"),
        "-o",
        "Dir::Etc::PreferencesParts=" + cache.resolve("preferences.d"),
        "-o",
        "Dir::State=" + cache.resolve("state"),
        "-o",
        "Dir::State::Status=" + cache.resolve("state/status"),
        "-o",
        "Dir::Cache=" + cache.resolve("cache"),
        "-o",
        "APT::Architecture=" + architecture,
        "-o",
        "APT::Architectures=" + architecture,
        "-o",
        "APT::Sandbox::User=root",
        "-o",
        "Debug::NoLocking=1",
        "-o",
        "Acquire::Languages=none",
        "-o",
        "Acquire::Retries=" + RETRIES,
        "-q");
  }

  private record Result(int exitCode, String output) {}

  private Result apt(List<String> arguments, Path workingDirectory) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(source.aptGet());
    command.addAll(options());
    command.addAll(arguments);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run "
              + source.aptGet()
              + ": the base image is built from Debian packages with apt (Debian and Ubuntu have"
              + " it); -Dflagstream.images.skip=true builds without the images",
          e);
    }
    try (InputStream output = process.getInputStream()) {
      String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("apt-get " + arguments + " did not finish in 10 minutes");
      }
      return new Result(process.exitValue(), text);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while apt-get " + arguments + " ran", e);
    }
  }

  /** Whether an earlier {@code apt-get update} left package lists in {@code lists}. */
  static boolean hasLists(Path lists) throws IOException {
    try (var files = Files.list(lists)) {
      return files.anyMatch(file -> PACKAGE_LIST.matcher(file.getFileName().toString()).matches());
    }
  }

  record PrintedUri(String uri, String file, long size, String sha256) {}

  /** The lines of {@code apt-get download --print-uris}. */
  static List<PrintedUri> parsePrintedUris(String output) {
    List<PrintedUri> uris = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher matcher = PRINTED_URI.matcher(line.strip());
      if (matcher.matches()) {
        uris.add(
            new PrintedUri(
                matcher.group("uri"),
                matcher.group("file"),
                Long.parseLong(matcher.group("size")),
                matcher.group("sha256")));
      }
    }
    return uris;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
