package dev.flagstream.benchmarks.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Confines processes to some of the machine's cores with Linux's {@code taskset}, so that the
 * evaluator is measured on a known number of cores while the load generator and the rest of the
 * platform use the others.
 */
final class Cores {
  private Cores() {}

  /** The cores {@code from} to {@code to}, both included, as taskset lists them. */
  static String list(int from, int to) {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }

  /**
   * Whether the evaluator can be given {@code cores} of the {@code all} this JVM may use, with some
   * left over: only where those are cores 0 to {@code all - 1}, the numbers the harness hands out
   * (a container limited to, say, cores 4 and 5 is left unconfined rather than guessed at).
   */
  static boolean canConfine(int cores, int all) {
    return cores > 0
        && all > cores
        && WrkGenerator.installed("taskset")
        && allowed(ProcessHandle.current().pid()).equals(list(0, all - 1));
  }

  /**
   * Confines every thread of {@code pid}, and of each process it started and their own (the
   * platform's services and PostgreSQL's backends, for the harness's JVM), to {@code cores}.
   *
   * @throws IllegalStateException when taskset refuses
   */
  static void confine(long pid, String cores) {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              taskset(process.pid(), cores);
              process.descendants().forEach(child -> taskset(child.pid(), cores));
            });
  }

  private static void taskset(long pid, String cores) {
    try {
      Process taskset =
          new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String said = new String(taskset.getInputStream().readAllBytes());
      if (!taskset.waitFor(10, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
        if (ProcessHandle.of(pid).isPresent()) {
          throw new IllegalStateException("taskset " + pid + " failed: " + said.strip());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run taskset", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The cores {@code pid} may run on, as Linux lists them; "?" where it does not tell. */
  static String allowed(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return "?";
    }
    return "?";
  }

  /** What to run a program under so that it stays on {@code cores}. */
  static List<String> prefix(String cores) {
    return List.of("taskset", "-c", cores);
  }
}
