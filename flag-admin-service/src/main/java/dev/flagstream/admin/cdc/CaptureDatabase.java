package dev.flagstream.admin.cdc;

import dev.flagstream.admin.cdc.internal.PostgresOffsetStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The flag database as capture reaches it: the application's JDBC URL (its TLS settings included)
 * with the capture role's credentials, which may differ from those of the pool serving the API.
 * Built once, at start-up; the credentials leave it only as the engine's settings. Every connection
 * is opened for one task and closed after it, except those a caller keeps.
 */
final class CaptureDatabase {
  // Offsets are written after every flush; a silent server must not hold the engine's commits.
  private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(10);

  private final String jdbcUrl;
  private final DatabaseAddress address;
  private final String user;
  private final String password;

  CaptureDatabase(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.address = DatabaseAddress.of(jdbcUrl);
    this.user = user.isEmpty() ? address.parameters().getOrDefault("user", "") : user;
    this.password =
        password.isEmpty() ? address.parameters().getOrDefault("password", "") : password;
  }

  /**
   * How the capture engine reaches this database: where and how securely ({@link
   * DatabaseAddress#engineSettings()}), as whom, and the offset store that keeps the engine's
   * position in it, which connects as {@link #connect} does. The engine takes nothing but settings
   * and makes the store itself, so this is the one way the credentials leave.
   */
  Properties engineSettings() {
    Properties settings = address.engineSettings();
    settings.setProperty("database.user", user);
    settings.setProperty("database.password", password);
    settings.setProperty("offset.storage", PostgresOffsetStore.class.getName());
    settings.setProperty(PostgresOffsetStore.URL, jdbcUrl);
    connectionProperties(OFFSETS_TIMEOUT, "flagstream-cdc-offsets")
        .forEach(
            (name, value) ->
                settings.setProperty(PostgresOffsetStore.CONNECTION + name, (String) value));
    return settings;
  }

  /**
   * A new connection that gives up on a silent server after {@code timeout}: connecting, and
   * waiting for any answer. Settings in the URL win over these.
   */
  Connection connect(Duration timeout, String purpose) throws SQLException {
    return connect(timeout, purpose, Map.of());
  }

  Connection connect(Duration timeout, String purpose, Map<String, String> more)
      throws SQLException {
    Properties properties = connectionProperties(timeout, purpose);
    properties.putAll(more);
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** The driver's settings for a connection of capture: its role, its bounds, its name. */
  private Properties connectionProperties(Duration timeout, String purpose) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    long seconds = Math.max(1, timeout.toSeconds());
    properties.setProperty("connectTimeout", Long.toString(seconds));
    properties.setProperty("socketTimeout", Long.toString(seconds));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", purpose);
    return properties;
  }

  /** The statement the engine runs every heartbeat interval. */
  static final String HEARTBEAT =
      "INSERT INTO "
          + ChangeRecords.HEARTBEAT_TABLE
          + " (id, beat_at) VALUES (1, NOW())"
          + " ON CONFLICT (id) DO UPDATE SET beat_at = EXCLUDED.beat_at";

  /** Writes a heartbeat, as the engine does every heartbeat interval. */
  void beat() throws SQLException {
    try (Connection connection = connect(Duration.ofSeconds(10), "flagstream-cdc-heartbeat");
        Statement beat = connection.createStatement()) {
      beat.execute(HEARTBEAT);
    }
  }

  /** Creates the publication of the flag table and the heartbeat table, unless it exists. */
  void ensurePublication(String publication) throws SQLException {
    try (Connection connection = connect(Duration.ofSeconds(10), "flagstream-cdc-setup");
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
      exists.setString(1, publication);
      try (ResultSet rows = exists.executeQuery();
          Statement create = connection.createStatement()) {
        if (!rows.next()) {
          create.execute(
              "CREATE PUBLICATION \""
                  + publication.replace("\"", "\"\"")
                  + "\" FOR TABLE "
                  + ChangeRecords.FLAG_TABLE
                  + ", "
                  + ChangeRecords.HEARTBEAT_TABLE);
        }
      }
    }
  }
}
