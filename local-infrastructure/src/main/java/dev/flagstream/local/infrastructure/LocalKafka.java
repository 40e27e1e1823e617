package dev.flagstream.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in a JVM of its
 * own, started from the {@code kafka_2.13} jar on the class path. Being a separate process, it can
 * be stopped gracefully ({@link #stop()}), killed outright ({@link #kill()}) and started again
 * ({@link #start()}) on the same port and data directory, so clients reconnect and find their data:
 * what "Kafka down, then back" and crash tests need.
 *
 * <p>{@link #start()} returns only when the broker answers requests. Measured on two cores: a
 * restart takes about 4 s, most of it the new JVM loading Kafka; the first start of a data
 * directory about 5.5 s, as it formats the directory first (as {@code kafka-storage.sh format}
 * does, in this JVM); a start after {@link #kill()} about 6 s, as the controller first waits out
 * the dead broker's 3 s session. Later starts keep everything in the directory.
 *
 * <p>The broker runs with this JVM's {@code java} and its {@code java.class.path} (true under
 * Surefire, Failsafe and {@code java -cp}, not for code that Maven runs inside its own JVM, as
 * {@code exec:java} does). It logs through the SLF4J backend on that class path, at INFO, into
 * {@code broker.log} in the data directory; {@code server.properties} beside it shows its settings.
 *
 * <p>The broker never outlives this JVM: a shutdown hook stops it, and it exits by itself when this
 * JVM dies without running hooks. Thread-safe; the lifecycle methods block until done.
 */
public final class LocalKafka implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDirectory;
  private final boolean temporary;
  private final int port;
  private final KafkaBrokerStorage storage;
  private final Thread shutdownHook;
  // Volatile for the shutdown hook, which must not wait for a lock a blocked start() may hold.
  private volatile @Nullable Process broker;
  private boolean closed;

  private LocalKafka(Path dataDirectory, boolean temporary, int port) {
    this.dataDirectory = dataDirectory;
    this.temporary = temporary;
    this.port = port;
    this.storage = new KafkaBrokerStorage(dataDirectory);
    this.shutdownHook = new Thread(this::release, "local-kafka-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a broker on a free port, with its data in a fresh temporary directory. */
  public static LocalKafka startTemporary() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The port clients connect to; the same across restarts. */
  public int port() {
    return port;
  }

  /** {@code localhost:}{@link #port()}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Whether the broker's process is alive; false after {@link #stop()} and {@link #kill()}. */
  public boolean isRunning() {
    Process process = broker;
    return process != null && process.isAlive();
  }

  /**
   * Starts the broker unless it is running, and blocks until it answers requests, at most 60 s.
   *
   * @throws IllegalStateException if the broker exits or is not ready in time (the message holds
   *     what it logged from its first error on; its process is gone then), or after {@link
   *     #close()}
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (isRunning()) {
      return;
    }
    Path properties = storage.writeProperties(port, freePort());
    storage.formatUnlessFormatted(properties);
    long output = storage.logLength();
    Process process = launch(properties);
    broker = process;
    try {
      awaitReady(process);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      awaitExit(process, STOP_TIMEOUT);
      broker = null;
      throw new IllegalStateException(
          e.getMessage()
              + " (port "
              + port
              + "); from "
              + storage.logFile()
              + ":\n"
              + storage.explainOutputSince(output),
          e);
    }
  }

  /**
   * Shuts the broker down gracefully (SIGTERM) and waits until its process has exited; it is killed
   * if that takes over 30 s. Does nothing when it is not running.
   */
  public synchronized void stop() {
    terminateBroker();
  }

  /**
   * Kills the broker's process at once (SIGKILL), as a crash would, and waits until it is gone.
   * Records acknowledged with {@code acks=all} survive: the operating system still holds them.
   */
  public synchronized void kill() {
    Process process = broker;
    if (process != null) {
      process.destroyForcibly();
      awaitExit(process, STOP_TIMEOUT);
      broker = null;
    }
  }

  /** {@link #stop()}, then {@link #start()}: same port, same data. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Stops the broker; deletes the data directory if it is a temporary one. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // closed from another shutdown hook: ours runs as well, and release() is idempotent
    }
  }

  private void release() {
    terminateBroker();
    if (temporary) {
      deleteRecursively(dataDirectory);
    }
  }

  private Process launch(Path properties) {
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
            .redirectOutput(Redirect.appendTo(storage.logFile().toFile()));
    try {
      return command.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + java, e);
    }
  }

  private void awaitReady(Process process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    // Connecting first keeps the admin client from logging a warning every retry meanwhile.
    awaitUntil(process, deadline, this::accepts);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "local-kafka-readiness");
    try (Admin admin = Admin.create(config)) {
      awaitUntil(process, deadline, () -> answers(admin));
    }
  }

  private static void awaitUntil(Process process, long deadline, BooleanSupplier condition) {
    try {
      while (!condition.getAsBoolean()) {
        // Waiting on the process, rather than sleeping, notices its death at once.
        if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "Kafka exited with status " + process.exitValue() + " while starting");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "Kafka did not answer within " + START_TIMEOUT.toSeconds() + " s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka was starting", e);
    }
  }

  private boolean accepts() {
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

  private void terminateBroker() {
    Process process = broker;
    if (process != null) {
      terminate(process);
      broker = null;
    }
  }

  private static void terminate(Process process) {
    process.destroy();
    if (!awaitExit(process, STOP_TIMEOUT)) {
      process.destroyForcibly();
      awaitExit(process, STOP_TIMEOUT);
    }
  }

  private static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  /** How to start a broker. */
  public static final class Builder {
    private @Nullable Path dataDirectory;
    private int port;

    private Builder() {}

    /** Keeps the data in {@code directory}, so a restart finds it again; temporary otherwise. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    /** Listens on {@code port}; a free port when 0, the default. Kept across restarts. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Starts the broker and blocks until it answers requests.
     *
     * @throws IllegalStateException if it does not start; see {@link LocalKafka#start()}
     */
    public LocalKafka start() {
      boolean temporary = dataDirectory == null;
      Path directory;
      try {
        directory =
            temporary
                ? Files.createTempDirectory("local-kafka")
                : Files.createDirectories(dataDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LocalKafka kafka = new LocalKafka(directory, temporary, port > 0 ? port : freePort());
      try {
        kafka.start();
      } catch (RuntimeException e) {
        kafka.close();
        throw e;
      }
      return kafka;
    }
  }
}
