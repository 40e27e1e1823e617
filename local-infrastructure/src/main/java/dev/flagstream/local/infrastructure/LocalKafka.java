package dev.flagstream.local.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in a JVM of its
 * own, started from the {@code kafka_2.13} jar on the class path. Being a separate process, it can
 * be stopped gracefully ({@link #stop()}), killed outright ({@link #kill()}) and started again
 * ({@link #start()}) on the same port and data directory, so clients reconnect and find their data:
 * what "Kafka down, then back" and crash tests need. {@link #freeze()} pauses it instead (SIGSTOP):
 * connections stay open but nothing answers, as with a hung broker or a partition that drops
 * packets, until {@link #thaw()}.
 *
 * <p>{@link Builder#saslUser(String, String)} makes every listener ask for SASL/PLAIN credentials
 * and authorize by ACLs: {@link #clientProperties(String)} signs a client in as a user, {@link
 * #grant(String, String, AclOperation...)} gives that user rights on a topic, and the broker's own
 * super user ({@link #superUserProperties()}) may do anything.
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
 * {@code broker.log} in the data directory unless {@link Builder#logFile(Path)} says otherwise;
 * {@code server.properties} in the data directory shows its settings.
 *
 * <p>The broker never outlives this JVM: a shutdown hook stops it, and it exits by itself when this
 * JVM dies without running hooks. Thread-safe; the lifecycle methods block until done.
 */
public final class LocalKafka implements KafkaServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDirectory;
  private final boolean temporary;
  private final int port;
  private final KafkaBrokerStorage storage;
  private final KafkaSasl sasl;
  private final Thread shutdownHook;
  // Volatile for the shutdown hook, which must not wait for a lock a blocked start() may hold.
  private volatile @Nullable Process broker;
  private volatile boolean frozen;
  private boolean closed;

  private LocalKafka(
      Path dataDirectory, boolean temporary, int port, KafkaSasl sasl, @Nullable Path logFile) {
    this.dataDirectory = dataDirectory;
    this.temporary = temporary;
    this.port = port;
    this.sasl = sasl;
    this.storage =
        new KafkaBrokerStorage(
            dataDirectory, logFile != null ? logFile : dataDirectory.resolve("broker.log"));
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
  @Override
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /**
   * Settings that sign a Kafka client in as {@code user}, one given to {@link
   * Builder#saslUser(String, String)}: {@code security.protocol}, {@code sasl.mechanism} and {@code
   * sasl.jaas.config}. Empty when the broker asks for no credentials.
   *
   * @throws IllegalArgumentException for a user the broker does not know
   */
  public Map<String, Object> clientProperties(String user) {
    return sasl.clientProperties(user);
  }

  /** {@link #clientProperties(String)} of the broker's own super user, who may do anything. */
  public Map<String, Object> superUserProperties() {
    return sasl.enabled() ? sasl.clientProperties(KafkaSasl.SUPER_USER) : Map.of();
  }

  /**
   * Allows {@code user} the {@code operations} on the topic named {@code topic} (a literal name),
   * from any host; blocks until the broker has the ACLs. Needs a broker with SASL users.
   */
  public void grant(String user, String topic, AclOperation... operations) {
    if (!sasl.enabled()) {
      throw new IllegalStateException("the broker authorizes nothing: it has no SASL users");
    }
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation operation : operations) {
      acls.add(
          new AclBinding(
              new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
              new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
    try (Admin admin = Admin.create(adminConfig("local-kafka-grant"))) {
      admin.createAcls(acls).all().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not grant " + user + " rights on " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while granting", e);
    }
  }

  /** The file the broker logs to, appended to on every start. */
  public Path logFile() {
    return storage.logFile();
  }

  /**
   * The process id of the broker's JVM, e.g. to measure its memory.
   *
   * @throws IllegalStateException when it is not running
   */
  public long pid() {
    Process process = broker;
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("the broker is not running");
    }
    return process.pid();
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
    Path properties = storage.writeProperties(port, FreePorts.anyExcept(port), sasl);
    storage.formatUnlessFormatted(properties);
    long output = storage.logLength();
    Process process = BrokerJvm.launch(properties, storage.logFile());
    broker = process;
    frozen = false;
    try {
      BrokerJvm.awaitReady(process, port, adminConfig("local-kafka-readiness"), START_TIMEOUT);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      ProcessControl.awaitExit(process, BrokerJvm.STOP_TIMEOUT);
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
      ProcessControl.awaitExit(process, BrokerJvm.STOP_TIMEOUT);
      broker = null;
      frozen = false;
    }
  }

  /**
   * Pauses the broker's process (SIGSTOP): it keeps its connections and its data but answers
   * nothing, neither requests nor keep-alives, as a hung broker would, until {@link #thaw()}.
   * Clients see timeouts, not refused connections. {@link #stop()}, {@link #kill()} and {@link
   * #close()} thaw it first.
   *
   * @throws IllegalStateException when the broker is not running
   */
  public synchronized void freeze() {
    Process process = broker;
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("the broker is not running");
    }
    ProcessControl.signal(process, "STOP");
    frozen = true;
  }

  /** Lets a frozen broker run again (SIGCONT); it carries on where it was. No-op otherwise. */
  public synchronized void thaw() {
    Process process = broker;
    if (frozen && process != null && process.isAlive()) {
      ProcessControl.signal(process, "CONT");
    }
    frozen = false;
  }

  /** Whether {@link #freeze()} paused the broker and it has not been thawed since. */
  public boolean isFrozen() {
    return frozen;
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

  private Map<String, Object> adminConfig(String clientId) {
    Map<String, Object> config = new HashMap<>(superUserProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return config;
  }

  private void terminateBroker() {
    Process process = broker;
    if (process != null) {
      if (frozen) {
        // A paused process keeps SIGTERM pending; it must run to shut down.
        ProcessControl.signal(process, "CONT");
        frozen = false;
      }
      ProcessControl.terminate(process, BrokerJvm.STOP_TIMEOUT);
      broker = null;
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
    private @Nullable Path logFile;
    private final Map<String, String> saslUsers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Appends the broker's log to {@code file} (its directory is created); {@code broker.log} in
     * the data directory by default.
     */
    public Builder logFile(Path file) {
      this.logFile = file;
      return this;
    }

    /**
     * Adds a SASL/PLAIN user. With at least one, every listener asks for credentials (protocol
     * {@code SASL_PLAINTEXT}) and ACLs decide what each user may do: nothing until {@link
     * LocalKafka#grant(String, String, AclOperation...)}. Names and passwords are 1 to 64 of {@code
     * A-Z a-z 0-9 . _ @ -}.
     */
    public Builder saslUser(String name, String password) {
      saslUsers.put(name, password);
      return this;
    }

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
        if (logFile != null) {
          Files.createDirectories(logFile.toAbsolutePath().getParent());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KafkaSasl sasl = saslUsers.isEmpty() ? KafkaSasl.off() : KafkaSasl.plain(saslUsers);
      LocalKafka kafka =
          new LocalKafka(directory, temporary, port > 0 ? port : FreePorts.any(), sasl, logFile);
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
