package dev.flagstream.local.infrastructure;

/**
 * A PostgreSQL server for tests, with logical decoding on: {@link LocalPostgres} (from Maven
 * artifacts, the default) or {@link ContainerPostgres} (Testcontainers, where Docker is). Chosen by
 * {@link Infrastructure#selected()}. Thread-safe; {@link #close()} stops it.
 */
public interface PostgresServer extends AutoCloseable {
  /** The superuser tests connect as. */
  String user();

  /** Its password; empty when the server trusts local connections. */
  String password();

  /** The host it is reached on from this machine. */
  String host();

  /** The port it is reached on from this machine. */
  int port();

  /** The JDBC URL of {@code database} on this server. */
  String jdbcUrl(String database);

  /** Creates {@code database} unless it exists; returns its JDBC URL. */
  String createDatabaseIfMissing(String database);

  /** Stops the server and removes its data. */
  @Override
  void close();
}
