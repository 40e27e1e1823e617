package dev.flagstream.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One consumer project of the matrix: a folder with a {@code pom.xml} that depends on the client as
 * a user's would, and a {@code matrix.properties} saying which JDK builds it ({@code jdk}) and what
 * is expected ({@code expect}: {@code success}, or {@code failure} with the text the build's output
 * must show in {@code expect.output}, for a platform known to break).
 */
record MatrixProject(
    Path folder, String name, int jdk, boolean expectSuccess, String expectOutput) {
  private static final long BUILD_MINUTES = 8;

  static List<MatrixProject> all(Path projects) throws IOException {
    try (Stream<Path> folders = Files.list(projects)) {
      return folders
          .filter(folder -> Files.exists(folder.resolve("pom.xml")))
          .sorted(Comparator.comparing(Path::toString))
          .map(MatrixProject::of)
          .toList();
    }
  }

  private static MatrixProject of(Path folder) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve("matrix.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MatrixProject(
        folder,
        folder.getFileName().toString(),
        Integer.parseInt(properties.getProperty("jdk", "17")),
        !"failure".equals(properties.getProperty("expect", "success")),
        properties.getProperty("expect.output", ""));
  }

  /** Copies the project afresh and builds it to the test phase; blocks until the build ends. */
  Result build(MatrixSettings settings, Map<String, String> properties) throws Exception {
    Path work = settings.work().resolve(name);
    deleteRecursively(work);
    Files.createDirectories(work);
    Files.copy(
        folder.resolve("pom.xml"), work.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
    Path javaHome = Jdks.home(jdk);
    List<String> command = new ArrayList<>();
    command.add(settings.mavenHome().resolve("bin").resolve("mvn").toString());
    command.addAll(
        List.of(
            "--batch-mode",
            "--no-transfer-progress",
            "--file",
            work.resolve("pom.xml").toString()));
    command.add("-Dmaven.repo.local=" + settings.repository());
    command.add("-Dmaven.repo.local.tail=" + settings.repositoryTail());
    // Two builds share the local repository at once: lock it across processes.
    command.add("-Daether.syncContext.named.factory=file-lock");
    command.add("-Daether.syncContext.named.nameMapper=file-gav");
    command.add("-Dflagstream.version=" + settings.flagstreamVersion());
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("test");
    Path log = work.resolve("build.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().remove("MAVEN_ARGS");
    Process process = builder.start();
    boolean ended = process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return new Result(this, ended && process.exitValue() == 0, ended, output, platform(work));
  }

  private static Map<String, String> platform(Path work) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    Path report = work.resolve("target").resolve("platform.txt");
    if (Files.exists(report)) {
      for (String line : Files.readAllLines(report)) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          found.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    return found;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** How a project's build went. */
  record Result(
      MatrixProject project,
      boolean succeeded,
      boolean ended,
      String output,
      Map<String, String> platform) {

    boolean asExpected() {
      return project.expectSuccess()
          ? succeeded
          : ended && !succeeded && output.contains(project.expectOutput());
    }

    String explanation() {
      String expected =
          project.expectSuccess()
              ? "a passing build"
              : "a failing build showing '" + project.expectOutput() + "'";
      String outcome =
          !ended
              ? "it did not end in " + BUILD_MINUTES + " minutes"
              : succeeded ? "it passed" : "it failed";
      String tail = output.length() > 12_000 ? output.substring(output.length() - 12_000) : output;
      return project.name()
          + ": expected "
          + expected
          + ", but "
          + outcome
          + "; its output ends:\n"
          + tail;
    }
  }

  /** Writes the table of what every platform resolved. */
  static void writeReport(Path work, List<Result> results) throws IOException {
    List<String> columns =
        List.of(
            "java",
            "kafka-clients",
            "slf4j-api",
            "jackson2-databind",
            "jackson3-databind",
            "openfeature-sdk");
    StringBuilder table =
        new StringBuilder("| platform | outcome | " + String.join(" | ", columns) + " |\n");
    table.append("|---|---|").append("---|".repeat(columns.size())).append('\n');
    results.stream()
        .sorted(Comparator.comparing(result -> result.project().name()))
        .forEach(
            result -> {
              table.append("| ").append(result.project().name()).append(" | ");
              table.append(result.succeeded() ? "passed" : "failed");
              table.append(result.asExpected() ? "" : " (unexpected)").append(" |");
              columns.forEach(
                  column ->
                      table
                          .append(' ')
                          .append(result.platform().getOrDefault(column, "?"))
                          .append(" |"));
              table.append('\n');
            });
    Files.createDirectories(work);
    Files.writeString(work.resolve("report.md"), table);
    System.out.println("Compatibility matrix:\n" + table);
  }
}
