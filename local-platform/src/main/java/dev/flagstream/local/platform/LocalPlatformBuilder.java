package dev.flagstream.local.platform;

import dev.flagstream.local.infrastructure.LocalKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link LocalPlatform}: every setting has a default, so {@code
 * LocalPlatform.builder().start()} starts a platform on free ports with temporary data. Not
 * thread-safe.
 */
public final class LocalPlatformBuilder {
  @Nullable Path home;
  @Nullable Path logDirectory;
  int adminPort;
  int evaluatorPort;
  int kafkaPort;
  int postgresPort;
  boolean durable;
  @Nullable LocalKafka kafka;
  @Nullable Path adminJar;
  @Nullable Path evaluatorJar;
  PrintStream console = System.out;
  final Map<String, String> adminSettings = new LinkedHashMap<>();
  final Map<String, String> evaluatorSettings = new LinkedHashMap<>();

  LocalPlatformBuilder() {}

  /**
   * Keeps the data in {@code directory} ({@code postgres/}, {@code kafka/}, the credentials), so
   * the next start finds it again; a temporary directory, deleted on close, by default.
   */
  public LocalPlatformBuilder home(Path directory) {
    this.home = directory;
    return this;
  }

  /** Writes the logs to {@code directory}; {@code logs/} in the home directory by default. */
  public LocalPlatformBuilder logDirectory(Path directory) {
    this.logDirectory = directory;
    return this;
  }

  /** The admin service's HTTP port; a free port when 0, the default. */
  public LocalPlatformBuilder adminPort(int port) {
    this.adminPort = port;
    return this;
  }

  /** The evaluator's HTTP port; a free port when 0, the default. */
  public LocalPlatformBuilder evaluatorPort(int port) {
    this.evaluatorPort = port;
    return this;
  }

  /** The Kafka broker's port; a free port when 0, the default. Unused with {@link #kafka}. */
  public LocalPlatformBuilder kafkaPort(int port) {
    this.kafkaPort = port;
    return this;
  }

  /** PostgreSQL's port; a free port when 0, the default. */
  public LocalPlatformBuilder postgresPort(int port) {
    this.postgresPort = port;
    return this;
  }

  /**
   * Whether PostgreSQL flushes every commit to disk, as data kept across runs deserves; off by
   * default, which suits tests.
   */
  public LocalPlatformBuilder durable(boolean durable) {
    this.durable = durable;
    return this;
  }

  /**
   * Runs the platform on {@code broker} instead of a broker of its own, e.g. one with SASL users
   * and ACLs; the platform closes it with itself. The services sign in to it with the settings
   * given to {@link #adminSetting} and {@link #evaluatorSetting}.
   */
  public LocalPlatformBuilder kafka(LocalKafka broker) {
    this.kafka = broker;
    return this;
  }

  /**
   * The admin service's executable jar; by default the file the system property {@value
   * LocalPlatform#ADMIN_JAR} names.
   */
  public LocalPlatformBuilder adminJar(Path jar) {
    this.adminJar = jar;
    return this;
  }

  /**
   * The evaluator's executable jar; by default the file the system property {@value
   * LocalPlatform#EVALUATOR_JAR} names.
   */
  public LocalPlatformBuilder evaluatorJar(Path jar) {
    this.evaluatorJar = jar;
    return this;
  }

  /**
   * Sets one of the admin service's settings, or overrides one the platform sets, e.g. {@code
   * flags.cdc.publish-timeout} to {@code 5s}.
   */
  public LocalPlatformBuilder adminSetting(String name, String value) {
    adminSettings.put(name, value);
    return this;
  }

  /**
   * Sets one of the evaluator's settings, or overrides one the platform sets, e.g. {@code
   * flags.refresh-interval} to {@code 2s}.
   */
  public LocalPlatformBuilder evaluatorSetting(String name, String value) {
    evaluatorSettings.put(name, value);
    return this;
  }

  /** Where the services' warnings and errors are relayed; standard output by default. */
  public LocalPlatformBuilder console(PrintStream console) {
    this.console = console;
    return this;
  }

  /**
   * Starts PostgreSQL and Kafka, then the admin service, then (once the admin has created the flag
   * topic) the evaluator, and blocks until both services answer {@code /health/ready}.
   *
   * @throws IllegalStateException when a part does not start (everything started is stopped again,
   *     a broker given to {@link #kafka} included)
   */
  public LocalPlatform start() {
    boolean temporary = home == null;
    Path directory;
    Path logs;
    try {
      directory =
          home == null
              ? Files.createTempDirectory("flagstream")
              : Files.createDirectories(home.toAbsolutePath());
      logs =
          Files.createDirectories(
              logDirectory != null ? logDirectory.toAbsolutePath() : directory.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return LocalPlatform.start(this, directory, temporary, logs);
    } catch (RuntimeException e) {
      if (kafka != null) {
        kafka.close();
      }
      throw e;
    }
  }
}
