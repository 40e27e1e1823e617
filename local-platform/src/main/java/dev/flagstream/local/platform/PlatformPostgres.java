package dev.flagstream.local.platform;

import dev.flagstream.local.infrastructure.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The platform's PostgreSQL, which outage tests can stop and start again: same port, same data
 * directory, so the admin service reconnects and finds its data. Thread-safe.
 */
public final class PlatformPostgres implements AutoCloseable {
  /** The database the admin service keeps its data in. */
  public static final String DATABASE = "flagstream";

  private final Path dataDirectory;
  private final int port;
  private final boolean durable;
  private final Path logFile;
  private @Nullable LocalPostgres server;

  PlatformPostgres(Path dataDirectory, int port, boolean durable, Path logFile) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.durable = durable;
    this.logFile = logFile;
  }

  /** Starts the server unless it is running, and creates the database if it is missing. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    server =
        LocalPostgres.builder()
            .dataDirectory(dataDirectory)
            .port(port)
            .durable(durable)
            // Bounds what a stopped or failing capture can make PostgreSQL keep: months of local
            // changes, yet never more than this of the disk. See docs/change-data-capture.md.
            .maxSlotWalKeepSize("1GB")
            .logFile(logFile)
            .start();
    server.createDatabaseIfMissing(DATABASE);
  }

  /** Shuts the server down; its data stays. Does nothing when it is not running. */
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of {@link #DATABASE}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /** The superuser, who signs in without a password from this machine. */
  public String user() {
    return LocalPostgres.USER;
  }

  /** The file the server logs to, appended to on every start. */
  public Path logFile() {
    return logFile;
  }

  /**
   * The process id of the server's main process (the postmaster), e.g. to measure its memory.
   *
   * @throws IllegalStateException when it is not running
   */
  public synchronized long pid() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL is not running");
    }
    try {
      // Its first line is the postmaster's process id; pg_ctl started it as a daemon of its own.
      return Long.parseLong(
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }
}
