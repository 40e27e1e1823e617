package dev.flagstream.local.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a container (Testcontainers), set up as {@link LocalPostgres} is: the image of
 * docker-compose.yml, logical decoding on, the WAL a slot may keep bounded, commits synchronous,
 * the superuser {@code postgres} trusted without a password, so a test written for either runs on
 * both. Needs a Docker engine; exercised by CI's Testcontainers job, not on machines without
 * Docker.
 */
public final class ContainerPostgres implements PostgresServer {
  /** The image, the same as docker-compose.yml's. */
  public static final String IMAGE = "postgres:17-bookworm";

  static final String USER = LocalPostgres.USER;
  private static final int PORT = 5432;

  private final GenericContainer<?> container;

  private ContainerPostgres(GenericContainer<?> container) {
    this.container = container;
  }

  /** Starts a server; blocks until it accepts connections. */
  public static ContainerPostgres start() {
    GenericContainer<?> container = configured();
    container.start();
    return new ContainerPostgres(container);
  }

  /** The container as it will be started: image, settings, credentials, readiness. */
  @SuppressWarnings("resource") // started and closed by the caller
  static GenericContainer<?> configured() {
    return new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withEnv(Map.of("POSTGRES_USER", USER, "POSTGRES_HOST_AUTH_METHOD", "trust"))
        .withCommand(command().toArray(String[]::new))
        .withExposedPorts(PORT)
        .waitingFor(
            Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2)
                .withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** The server's settings: those of {@link LocalPostgres}. */
  static List<String> command() {
    return List.of(
        "postgres",
        "-c",
        "wal_level=logical",
        "-c",
        "max_replication_slots=20",
        "-c",
        "max_wal_senders=20",
        "-c",
        "max_slot_wal_keep_size=" + LocalPostgres.DEFAULT_MAX_SLOT_WAL_KEEP_SIZE,
        "-c",
        "synchronous_commit=on",
        "-c",
        "fsync=off");
  }

  @Override
  public String user() {
    return USER;
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public String host() {
    return container.getHost();
  }

  @Override
  public int port() {
    return container.getMappedPort(PORT);
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  @Override
  public String createDatabaseIfMissing(String database) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
      Databases.createIfMissing(connection, database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
    return jdbcUrl(database);
  }

  @Override
  public void close() {
    container.stop();
  }
}
