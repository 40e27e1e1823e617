package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link PostgresServer} must do for Flagstream's tests, whichever infrastructure runs
 * it: each implementation's test extends this kit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresServerKit {
  private PostgresServer server;

  abstract PostgresServer start();

  @BeforeAll
  void startServer() {
    server = start();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Test
  void theServer_decodesLogically_commitsSynchronously_andBoundsSlotWal() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                server.createDatabaseIfMissing("kit"), server.user(), server.password());
        Statement sql = connection.createStatement()) {
      assertThat(setting(sql, "wal_level")).isEqualTo("logical");
      assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(sql, "max_slot_wal_keep_size")).isEqualTo("1GB");
      assertThat(setting(sql, "server_version")).startsWith("17.");
    }
  }

  @Test
  void createDatabaseIfMissing_createsItOnce_andAnswersItsUrl() throws SQLException {
    String url = server.createDatabaseIfMissing("twice");
    assertThat(server.createDatabaseIfMissing("twice")).isEqualTo(url).endsWith("/twice");
    assertThat(server.jdbcUrl("twice")).isEqualTo(url);
    try (Connection connection =
            DriverManager.getConnection(url, server.user(), server.password());
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT current_database()")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("twice");
    }
  }

  private static String setting(Statement sql, String name) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SHOW " + name)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
