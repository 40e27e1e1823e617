package dev.flagstream.local.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

  @Test
  void startsARealServer_readyForLogicalDecoding() throws SQLException {
    try (LocalPostgres postgres = LocalPostgres.startTemporary();
        Connection connection =
            DriverManager.getConnection(
                postgres.createDatabaseIfMissing("flags"), LocalPostgres.USER, "");
        Statement sql = connection.createStatement()) {
      assertThat(setting(sql, "wal_level")).isEqualTo("logical");
      assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(sql, "max_slot_wal_keep_size"))
          .as("a slot never holds back more log than this")
          .isEqualTo("1GB");
      assertThat(setting(sql, "server_version")).startsWith("17.");
      assertThat(postgres.jdbcUrl("flags"))
          .isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/flags");
    }
  }

  @Test
  void keepsItsDataAcrossRestarts_inADataDirectory(@TempDir Path data) throws SQLException {
    try (LocalPostgres postgres =
            LocalPostgres.builder()
                .dataDirectory(data)
                .durable(true)
                .maxSlotWalKeepSize("64MB")
                .start();
        Connection connection =
            DriverManager.getConnection(
                postgres.createDatabaseIfMissing("flags"), LocalPostgres.USER, "");
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE kept (value TEXT)");
      sql.execute("INSERT INTO kept VALUES ('still here')");
      assertThat(setting(sql, "fsync")).isEqualTo("on");
      assertThat(setting(sql, "max_slot_wal_keep_size")).isEqualTo("64MB");
    }
    try (LocalPostgres postgres = LocalPostgres.builder().dataDirectory(data).start();
        Connection connection =
            DriverManager.getConnection(
                postgres.createDatabaseIfMissing("flags"), LocalPostgres.USER, "");
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT value FROM kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    }
  }

  private static String setting(Statement sql, String name) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
