package dev.flagstream.admin.cdc;

import java.net.URI;

/**
 * Host, port and database of a single-host PostgreSQL JDBC URL, as the capture engine wants them.
 */
record DatabaseAddress(String host, int port, String database) {
  private static final String PREFIX = "jdbc:postgresql://";

  static DatabaseAddress of(String jdbcUrl) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    URI uri = URI.create("postgresql://" + jdbcUrl.substring(PREFIX.length()));
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "change data capture needs a single-host URL such as jdbc:postgresql://db:5432/flagstream,"
              + " got "
              + jdbcUrl);
    }
    return new DatabaseAddress(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1));
  }
}
