package dev.flagstream.local.platform;

import dev.flagstream.local.infrastructure.FreePorts;
import dev.flagstream.local.infrastructure.LocalKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole platform on this machine, for the local run ({@link LocalRun}) and end-to-end tests: a
 * real PostgreSQL and a real Kafka broker (from {@code local-infrastructure}), then the admin
 * service, which captures every flag change onto the flag topic, and an evaluator reading it, each
 * service in a JVM of its own started from its executable jar ({@link ServiceProcess}).
 *
 * <p>Everything is reached as a user would reach it: HTTP ({@link ServiceProcess#url()}), Kafka
 * ({@link #kafka()}), PostgreSQL ({@link #postgres()}), with {@link #credentials()}. Each part can
 * be stopped, started, restarted or frozen, for outage tests. Logs go in full to {@link
 * #logDirectory()}: {@code flag-admin-service.log}, {@code flag-evaluator-service.log}, {@code
 * kafka.log}, {@code postgres.log}.
 *
 * <p>{@link #close()} stops everything, services first; so does a shutdown hook, and no service
 * outlives this JVM even when it is killed. Thread-safe.
 */
public final class LocalPlatform implements AutoCloseable {
  /** The admin service's name: its log file, its console label. */
  public static final String ADMIN = "flag-admin-service";

  /** The evaluator's name: its log file, its console label. */
  public static final String EVALUATOR = "flag-evaluator-service";

  /** PostgreSQL's name: its log file, its part in {@link #startupTimes()}. */
  public static final String POSTGRES = "postgres";

  /** The Kafka broker's name: its log file, its part in {@link #startupTimes()}. */
  public static final String KAFKA = "kafka";

  /** The flag topic, which the admin service creates and the evaluators read, by default. */
  public static final String TOPIC = "flagstream.flags";

  /** The system property naming the admin service's executable jar, the default of the builder. */
  public static final String ADMIN_JAR = "flagstream.admin.jar";

  /** The system property naming the evaluator's executable jar, the default of the builder. */
  public static final String EVALUATOR_JAR = "flagstream.evaluator.jar";

  private final Path home;
  private final boolean temporaryHome;
  private final Path logDirectory;
  private final LocalCredentials credentials;
  private final PlatformPostgres postgres;
  private final ServiceProcess admin;
  private final ServiceProcess evaluator;
  private final Path evaluatorJar;
  private final PrintStream console;
  private final List<ServiceProcess> moreEvaluators = new CopyOnWriteArrayList<>();
  private final Map<String, Duration> infrastructureStartups = new ConcurrentHashMap<>();
  private final Thread shutdownHook = new Thread(this::release, "stop-flagstream");
  // Volatile for the shutdown hook; a broker the caller gave, or one of the platform's own.
  private volatile @Nullable LocalKafka kafka;
  private final int kafkaPort;
  private boolean closed;
  private volatile boolean stopping;

  private LocalPlatform(
      LocalPlatformBuilder settings, Path home, boolean temporaryHome, Path logDirectory) {
    this.home = home;
    this.temporaryHome = temporaryHome;
    this.logDirectory = logDirectory;
    this.credentials = LocalCredentials.loadOrCreate(home);
    this.kafka = settings.kafka;
    this.console = settings.console;
    this.evaluatorJar = jar(settings.evaluatorJar, EVALUATOR_JAR);
    Set<Integer> taken = new HashSet<>();
    this.kafkaPort =
        settings.kafka != null ? settings.kafka.port() : port(settings.kafkaPort, taken);
    taken.add(kafkaPort);
    String bootstrapServers = "localhost:" + kafkaPort;
    this.postgres =
        new PlatformPostgres(
            home.resolve("postgres"),
            port(settings.postgresPort, taken),
            settings.durable,
            logDirectory.resolve(POSTGRES + ".log"));
    Map<String, String> adminSettings =
        ServiceSettings.admin(
            port(settings.adminPort, taken), postgres, bootstrapServers, credentials, logDirectory);
    adminSettings.putAll(settings.adminSettings);
    this.admin = service(ADMIN, jar(settings.adminJar, ADMIN_JAR), adminSettings);
    Map<String, String> evaluatorSettings =
        ServiceSettings.evaluator(
            port(settings.evaluatorPort, taken),
            bootstrapServers,
            admin.url(),
            credentials,
            logDirectory);
    evaluatorSettings.putAll(settings.evaluatorSettings);
    this.evaluator = service(EVALUATOR, evaluatorJar, evaluatorSettings);
  }

  /** How to start a platform: every setting has a default. */
  public static LocalPlatformBuilder builder() {
    return new LocalPlatformBuilder();
  }

  private static int port(int wanted, Set<Integer> taken) {
    int port = wanted;
    while (port == 0 || (wanted == 0 && taken.contains(port))) {
      port = FreePorts.any();
    }
    taken.add(port);
    return port;
  }

  private static Path jar(@Nullable Path given, String property) {
    Path jar = given;
    if (jar == null) {
      String named = System.getProperty(property);
      if (named == null || named.isBlank()) {
        throw new IllegalStateException(
            "no executable jar: set the system property "
                + property
                + " to the service's *-exec.jar, as ./mvnw -Prun and the e2e module do");
      }
      jar = Path.of(named);
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is not a file; build the services first (./mvnw -Prun does)");
    }
    return jar.toAbsolutePath();
  }

  private ServiceProcess service(String name, Path jar, Map<String, String> settings) {
    int port = Integer.parseInt(settings.get("server.port"));
    return new ServiceProcess(
        name,
        jar,
        port,
        Path.of(settings.get("logging.file.name")),
        settings,
        new ServiceOutput(name, console));
  }

  /** Starts a platform as {@code settings} say; see {@link LocalPlatformBuilder#start()}. */
  static LocalPlatform start(
      LocalPlatformBuilder settings, Path home, boolean temporaryHome, Path logDirectory) {
    LocalPlatform platform;
    try {
      platform = new LocalPlatform(settings, home, temporaryHome, logDirectory);
    } catch (RuntimeException e) {
      if (temporaryHome) {
        deleteRecursively(home);
      }
      throw e;
    }
    try {
      platform.startParts();
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    return platform;
  }

  private void startParts() {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    List<Runnable> infrastructure = new ArrayList<>(List.of(timed(POSTGRES, postgres::start)));
    if (kafka == null) {
      infrastructure.add(
          timed(
              KAFKA,
              () ->
                  kafka =
                      LocalKafka.builder()
                          .dataDirectory(home.resolve("kafka"))
                          .port(kafkaPort)
                          .logFile(logDirectory.resolve(KAFKA + ".log"))
                          .start()));
    }
    InParallel.run(infrastructure);
    // The evaluator reads what the admin publishes: it starts once there is a topic to read and a
    // snapshot to refresh from, rather than warning until there is.
    admin.start();
    String topic = admin.settings().getOrDefault("flags.kafka.topic", TOPIC);
    FlagTopicWait.await(kafka(), topic, admin, ServiceProcess.START_TIMEOUT);
    evaluator.start();
  }

  private Runnable timed(String part, Runnable start) {
    return () -> {
      long began = System.nanoTime();
      start.run();
      infrastructureStartups.put(part, Duration.ofNanos(System.nanoTime() - began));
    };
  }

  /**
   * How long each part took to start, in the order they are listed in: {@code postgres}, {@code
   * kafka} (unless the platform was given a broker), {@value #ADMIN}, {@value #EVALUATOR}; each
   * service from launching its JVM until it was ready. PostgreSQL and Kafka start side by side,
   * then the admin service, then the evaluator once the flag topic exists.
   */
  public Map<String, Duration> startupTimes() {
    Map<String, Duration> times = new LinkedHashMap<>();
    for (String part : List.of(POSTGRES, KAFKA)) {
      Duration time = infrastructureStartups.get(part);
      if (time != null) {
        times.put(part, time);
      }
    }
    admin.startupTime().ifPresent(time -> times.put(ADMIN, time));
    evaluator.startupTime().ifPresent(time -> times.put(EVALUATOR, time));
    return times;
  }

  /** Where the data is kept: PostgreSQL's, Kafka's and {@link #credentials()}. */
  public Path home() {
    return home;
  }

  /** Where every part logs in full. */
  public Path logDirectory() {
    return logDirectory;
  }

  /** The admin's sign-in, API token and SDK keys the services are started with. */
  public LocalCredentials credentials() {
    return credentials;
  }

  public ServiceProcess admin() {
    return admin;
  }

  public ServiceProcess evaluator() {
    return evaluator;
  }

  public LocalKafka kafka() {
    LocalKafka broker = kafka;
    if (broker == null) {
      throw new IllegalStateException("Kafka did not start");
    }
    return broker;
  }

  public PlatformPostgres postgres() {
    return postgres;
  }

  /**
   * Starts one more evaluator, on a free port, with the first evaluator's settings and {@code
   * settings} over them (name to value, e.g. {@code flags.refresh-interval} to {@code 2s}); blocks
   * until it is ready. It logs to {@code flag-evaluator-service-<n>.log} and stops with the
   * platform; {@link ServiceProcess#stop()} stops it before.
   */
  public synchronized ServiceProcess startEvaluator(Map<String, String> settings) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    String name = EVALUATOR + "-" + (moreEvaluators.size() + 2);
    Map<String, String> own = new LinkedHashMap<>(evaluator.settings());
    own.putAll(ServiceSettings.logging(name, logDirectory));
    own.put("server.port", Integer.toString(FreePorts.anyExcept(evaluator.port())));
    own.putAll(settings);
    ServiceProcess another = service(name, evaluatorJar, own);
    moreEvaluators.add(another);
    another.start();
    return another;
  }

  /** Stops every part, services first, and deletes the data if it was temporary. Idempotent. */
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
    if (temporaryHome) {
      deleteRecursively(home);
    }
  }

  /** Whether the platform is stopping or stopped: closed, or stopped by its shutdown hook. */
  public boolean isStopping() {
    return stopping;
  }

  private void release() {
    stopping = true;
    List<Runnable> services = new ArrayList<>();
    moreEvaluators.forEach(service -> services.add(service::release));
    services.add(evaluator::release);
    services.add(admin::release);
    // The services shut down gracefully, all at once; then what they depended on.
    InParallel.run(services.stream().map(stop -> (Runnable) () -> quietly(stop)).toList());
    LocalKafka broker = kafka;
    if (broker != null) {
      quietly(broker::close);
    }
    quietly(postgres::close);
  }

  private void quietly(Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      console.println("Stopping a part of the platform failed: " + e);
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
}
