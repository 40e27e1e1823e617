package dev.flagstream.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * The process of a broker's JVM: starting it and waiting until it answers; {@link ProcessControl}
 * signals and ends it.
 */
final class BrokerJvm {
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private BrokerJvm() {}

  /** Starts {@link KafkaBrokerProcess} with {@code properties}, its output appended to the log. */
  static Process launch(Path properties, Path log) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder command =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                // Logback without a configuration logs at DEBUG: far too much from a broker.
                "-Dlogback.configurationFile=dev/flagstream/local/infrastructure/kafka-logback.xml",
                // Kafka logs through SLF4J; without Log4j Core (see the POM) Log4j would report
                // an ERROR about its own missing backend, which is none of the broker's errors.
                "-Dlog4j2.statusLoggerLevel=OFF",
                "-cp",
                System.getProperty("java.class.path"),
                KafkaBrokerProcess.class.getName(),
                Long.toString(ProcessHandle.current().pid()),
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    try {
      return command.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + java, e);
    }
  }

  /**
   * Blocks until the broker on {@code port} accepts connections and answers an admin client made of
   * {@code adminConfig}, at most {@code timeout}.
   *
   * @throws IllegalStateException when the process exits or the time is up
   */
  static void awaitReady(
      Process process, int port, Map<String, Object> adminConfig, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // Connecting first keeps the admin client from logging a warning every retry meanwhile.
    awaitUntil(process, deadline, timeout, () -> accepts(port));
    try (Admin admin = Admin.create(adminConfig)) {
      awaitUntil(process, deadline, timeout, () -> answers(admin));
    }
  }

  private static void awaitUntil(
      Process process, long deadline, Duration timeout, BooleanSupplier condition) {
    try {
      while (!condition.getAsBoolean()) {
        // Waiting on the process, rather than sleeping, notices its death at once.
        if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "Kafka exited with status " + process.exitValue() + " while starting");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "Kafka did not answer within " + timeout.toSeconds() + " s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka was starting", e);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean answers(Admin admin) {
    try {
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
          .nodes()
          .get()
          .isEmpty();
    } catch (ExecutionException e) {
      return false; // still catching up with its metadata
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka was starting", e);
    }
  }
}
