package dev.flagstream.local.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server, started from the binaries of a Maven artifact, configured for logical
 * decoding so that change data capture works against it, with the write-ahead log a replication
 * slot may hold back bounded ({@link Builder#maxSlotWalKeepSize(String)}). Thread-safe; {@link
 * #close()} stops the server.
 */
public final class LocalPostgres implements PostgresServer {
  /** The superuser of the server. */
  public static final String USER = "postgres";

  /** The default of {@link Builder#maxSlotWalKeepSize(String)}. */
  public static final String DEFAULT_MAX_SLOT_WAL_KEEP_SIZE = "1GB";

  private final EmbeddedPostgres server;

  private LocalPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a server on a free port, with its data in a fresh temporary directory. */
  public static LocalPostgres startTemporary() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
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
    return "localhost";
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  @Override
  public String createDatabaseIfMissing(String database) {
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      Databases.createIfMissing(connection, database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
    return jdbcUrl(database);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How to start a server. */
  public static final class Builder {
    private @Nullable Path dataDirectory;
    private int port;
    private boolean durable;
    private String maxSlotWalKeepSize = DEFAULT_MAX_SLOT_WAL_KEEP_SIZE;
    private @Nullable Path logFile;

    private Builder() {}

    /**
     * Appends the server's output (its log) to {@code file}, whose directory is created. By default
     * it goes to SLF4J at INFO.
     */
    public Builder logFile(Path file) {
      this.logFile = file;
      return this;
    }

    /**
     * The most write-ahead log a replication slot may hold back ({@code max_slot_wal_keep_size}, in
     * PostgreSQL's units such as {@code 64MB}); a slot that falls further behind is invalidated
     * ({@code wal_status = lost}) rather than fill the disk. {@value
     * #DEFAULT_MAX_SLOT_WAL_KEEP_SIZE} by default: a local run writes a few kilobytes per flag
     * change and per capture heartbeat, so this is months of changes made while capture is stopped,
     * yet a broken capture can never take more than that of a laptop's disk. {@code -1} keeps log
     * for slots without bound, PostgreSQL's own default.
     */
    public Builder maxSlotWalKeepSize(String size) {
      this.maxSlotWalKeepSize = size;
      return this;
    }

    /** Keeps the data in {@code directory}, so a restart finds it again; temporary otherwise. */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    /** Listens on {@code port}; any free port when 0, the default. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Flushes every commit to disk, as a server that must not lose data does. Off by default, which
     * suits tests: a crash of a test database loses nothing of value.
     */
    public Builder durable(boolean durable) {
      this.durable = durable;
      return this;
    }

    public LocalPostgres start() {
      EmbeddedPostgres.Builder server =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_replication_slots", "20")
              .setServerConfig("max_wal_senders", "20")
              .setServerConfig("max_slot_wal_keep_size", maxSlotWalKeepSize)
              // zonky turns this off; change data capture then waits ~200 ms for every commit.
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("full_page_writes", durable ? "on" : "off");
      if (dataDirectory != null) {
        server.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      if (port > 0) {
        server.setPort(port);
      }
      try {
        if (logFile != null) {
          Files.createDirectories(logFile.toAbsolutePath().getParent());
          server
              .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
        }
        return new LocalPostgres(server.start());
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start", e);
      }
    }
  }
}
