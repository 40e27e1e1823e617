package dev.flagstream.local.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What every PostgreSQL server of this module does the same way, whatever runs it. */
final class Databases {
  private Databases() {}

  /** Creates {@code database} through {@code connection} unless it exists. */
  static void createIfMissing(Connection connection, String database) throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    }
    try (Statement create = connection.createStatement()) {
      create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
    }
  }
}
