package dev.flagstream.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending, pausing and resuming processes this JVM started, as outage tests and launchers need. */
public final class ProcessControl {
  private ProcessControl() {}

  /**
   * Sends {@code signal} (a name such as {@code STOP} or {@code CONT}) to the process through
   * {@code kill}, as Java has no way of its own to pause a process. Blocks until {@code kill} is
   * done.
   *
   * @throws IllegalStateException when {@code kill} fails, e.g. for a process that is gone
   */
  public static void signal(Process process, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -"
                + signal
                + " "
                + process.pid()
                + " failed: "
                + new String(kill.getInputStream().readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + process.pid(), e);
    }
  }

  /**
   * Asks the process to end (SIGTERM) and blocks until it has, killing it (SIGKILL) if it has not
   * after {@code grace}.
   *
   * @return whether it ended by itself within the grace
   */
  public static boolean terminate(Process process, Duration grace) {
    process.destroy();
    if (awaitExit(process, grace)) {
      return true;
    }
    process.destroyForcibly();
    awaitExit(process, grace);
    return false;
  }

  /**
   * Waits at most {@code timeout} for the process to exit; returns whether it did. When
   * interrupted, kills the process rather than leave it behind, and keeps the interrupt.
   */
  public static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }
}
