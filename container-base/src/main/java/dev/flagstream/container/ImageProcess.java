package dev.flagstream.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started the way a container engine would start the image, without one: in the image's
 * file system (extracted by {@link ImageArchive#extractTo}), as the image's user, with the image's
 * environment and working directory, in PID and mount namespaces of its own with a fresh {@code
 * /proc}. It uses {@code unshare} (util-linux) and unprivileged user namespaces, which Linux allows
 * by default; the network is the machine's, so a service's port is reached on localhost.
 *
 * <p>Not a security boundary: for tests that check what an image does. Closing it kills the process
 * and everything it started.
 */
public final class ImageProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ImageProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} (the image's entrypoint and command when empty) in {@code root}, with
   * the image's environment and {@code environment} over it; its output goes to {@code log}.
   */
  public static ImageProcess start(
      ImageArchive image,
      Path root,
      Map<String, String> environment,
      List<String> command,
      Path log)
      throws IOException {
    List<String> run = new ArrayList<>(command);
    if (run.isEmpty()) {
      run.addAll(image.entrypoint());
      run.addAll(image.command());
    }
    if (run.isEmpty()) {
      throw new IllegalArgumentException("the image has no entrypoint and no command was given");
    }
    int[] user = user(image.user(), root);
    String unshareCommand = unshare();
    requireNamespaces(unshareCommand, user);
    List<String> unshare =
        new ArrayList<>(
            List.of(
                unshareCommand,
                "--map-user=" + user[0],
                "--map-group=" + user[1],
                "--fork",
                "--pid",
                "--mount",
                "--kill-child",
                "--root=" + root.toAbsolutePath(),
                "--mount-proc=/proc",
                "--wd=" + (image.workingDirectory().isEmpty() ? "/" : image.workingDirectory())));
    unshare.addAll(run);
    ProcessBuilder builder =
        new ProcessBuilder(unshare).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(image.environment());
    env.putAll(environment);
    return new ImageProcess(builder.start(), log);
  }

  /** What a command run to its end printed, and how it exited. */
  public record Result(int exitCode, String output) {}

  /**
   * Runs {@code command} in the image as {@link #start} does and waits for it.
   *
   * @throws IOException if it cannot start or does not end within {@code timeout}
   */
  public static Result run(
      ImageArchive image,
      Path root,
      Map<String, String> environment,
      List<String> command,
      Duration timeout)
      throws IOException {
    Path log = Files.createTempFile("image-process", ".log");
    try (ImageProcess process = start(image, root, environment, command, log)) {
      if (!process.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(command + " did not end within " + timeout + ": " + process.output());
      }
      return new Result(process.process.exitValue(), process.output());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything it printed so far. */
  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Stops it: SIGTERM, then SIGKILL after ten seconds; its children end with it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The numeric user and group of a configuration's {@code User}, by the image's own files. */
  static int[] user(String user, Path root) throws IOException {
    String[] parts = (user.isEmpty() ? "0" : user).split(":", 2);
    int uid = id(parts[0], root.resolve("etc/passwd"), 2);
    int gid =
        parts.length > 1 ? id(parts[1], root.resolve("etc/group"), 2) : primaryGroup(uid, root);
    return new int[] {uid, gid};
  }

  private static int id(String nameOrId, Path file, int field) throws IOException {
    if (nameOrId.matches("\\d+")) {
      return Integer.parseInt(nameOrId);
    }
    for (String line : lines(file)) {
      String[] fields = line.split(":");
      if (fields.length > field && fields[0].equals(nameOrId)) {
        return Integer.parseInt(fields[field]);
      }
    }
    throw new IOException(nameOrId + " is not in the image's " + file.getFileName());
  }

  private static int primaryGroup(int uid, Path root) throws IOException {
    for (String line : lines(root.resolve("etc/passwd"))) {
      String[] fields = line.split(":");
      if (fields.length > 3 && fields[2].equals(Integer.toString(uid))) {
        return Integer.parseInt(fields[3]);
      }
    }
    return uid;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /**
   * Fails, saying why, when {@code unshare} cannot give a process the namespaces {@link #start}
   * needs here, so that a test of an image fails with the reason instead of waiting for a service
   * that never started.
   */
  static void requireNamespaces(String unshare, int[] user) throws IOException {
    Process probe =
        new ProcessBuilder(
                unshare,
                "--map-user=" + user[0],
                "--map-group=" + user[1],
                "--fork",
                "--pid",
                "--mount",
                "--mount-proc",
                "true")
            .redirectErrorStream(true)
            .start();
    String output;
    try (var in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!probe.waitFor(30, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        throw new IOException(unshare + " did not end within 30 s");
      }
    } catch (InterruptedException e) {
      probe.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (probe.exitValue() != 0) {
      throw new IOException(
          unshare
              + " cannot start a process in user, PID and mount namespaces of its own here"
              + " (exit "
              + probe.exitValue()
              + ": "
              + output
              + "). Running an image without a container engine needs util-linux 2.38 or newer"
              + " and unprivileged user namespaces (on Ubuntu 24.04: sysctl"
              + " kernel.apparmor_restrict_unprivileged_userns=0).");
    }
  }

  private static String unshare() throws IOException {
    for (String directory : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path candidate = Path.of(directory, "unshare");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException("no unshare (util-linux) on this machine");
  }
}
