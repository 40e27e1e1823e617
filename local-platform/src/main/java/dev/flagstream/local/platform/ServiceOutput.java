package dev.flagstream.local.platform;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a service prints to its console, which the platform keeps to its warnings and errors (the
 * full log goes to the service's log file): each line is relayed to the launcher's console with the
 * service's name before it, and the last lines are kept to explain a failed start. Muted while the
 * platform stops, when services complain of parts already gone.
 */
final class ServiceOutput {
  private static final int KEPT_LINES = 40;

  private final String label;
  private final PrintStream console;
  private final Deque<String> recent = new ArrayDeque<>();
  private volatile boolean muted;
  private volatile CountDownLatch ended = new CountDownLatch(0);

  ServiceOutput(String name, PrintStream console) {
    this.label = name + " | ";
    this.console = console;
  }

  /** Relays {@code output} line by line, on a daemon thread, until it ends. */
  void relay(InputStream output, String threadName) {
    CountDownLatch end = new CountDownLatch(1);
    ended = end;
    Thread reader =
        new Thread(
            () -> {
              read(output);
              end.countDown();
            },
            threadName);
    reader.setDaemon(true);
    reader.start();
  }

  void mute() {
    muted = true;
  }

  void unmute() {
    muted = false;
  }

  /**
   * Waits at most {@code timeout} until the output relayed last has ended, as it does soon after
   * its process exits: then {@link #recentLines()} holds its last words.
   */
  void awaitEnd(Duration timeout) {
    try {
      ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines the service printed, oldest first. */
  synchronized List<String> recentLines() {
    return List.copyOf(recent);
  }

  private void read(InputStream output) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        accept(line);
      }
    } catch (IOException e) {
      // the process is gone; what it printed is in its log
    }
  }

  void accept(String line) {
    synchronized (this) {
      if (recent.size() == KEPT_LINES) {
        recent.removeFirst();
      }
      recent.addLast(line);
    }
    if (!muted) {
      console.println(label + line);
    }
  }
}
