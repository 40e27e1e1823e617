package dev.flagstream.admin.cdc;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Host, port, database and connection parameters of a single-host PostgreSQL JDBC URL, as the
 * capture engine wants them. The engine does not take a URL, so the parameters that secure a
 * connection (TLS and Kerberos/GSS: {@code sslmode}, {@code sslrootcert}, {@code sslcert}, {@code
 * sslkey}, ...) are handed to it one by one: its connections are then as protected as the
 * application's own. {@code sslmode} is always set explicitly, to what the JDBC driver itself would
 * use: the one given; {@code verify-full} for a bare {@code ssl} or {@code ssl=true}; {@code
 * prefer} otherwise.
 */
record DatabaseAddress(String host, int port, String database, Map<String, String> parameters) {
  private static final String PREFIX = "jdbc:postgresql://";
  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  // Settings of how to connect rather than of how to run queries; the latter (socketTimeout,
  // prepareThreshold, ...) could break a replication stream and stay the application's own.
  private static final Set<String> CONNECTION_SETTINGS =
      Set.of(
          "channelbinding",
          "authenticationpluginclassname",
          "sspiserviceclass",
          "usespnego",
          "jaaslogin",
          "jaasapplicationname",
          "kerberosservername",
          "connecttimeout",
          "logintimeout",
          "tcpkeepalive",
          "applicationname");

  DatabaseAddress {
    parameters = Map.copyOf(parameters);
  }

  /**
   * Parses {@code jdbcUrl}.
   *
   * @throws IllegalArgumentException when it is not a single-host PostgreSQL URL with a database,
   *     or asks for a TLS mode the driver does not know
   */
  static DatabaseAddress of(String jdbcUrl) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    URI uri;
    try {
      uri = URI.create("postgresql://" + jdbcUrl.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "change data capture cannot read the JDBC URL " + redacted(jdbcUrl), e);
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "change data capture needs a single-host URL such as jdbc:postgresql://db:5432/flagstream"
              + " (a replication slot lives on one server), got "
              + redacted(jdbcUrl));
    }
    Map<String, String> parameters = parameters(uri.getRawQuery());
    String mode = parameters.get("sslmode");
    if (mode != null && !SSL_MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "sslmode=" + mode + " in the JDBC URL is none of " + SSL_MODES);
    }
    return new DatabaseAddress(
        uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        uri.getPath().substring(1),
        parameters);
  }

  /** The TLS mode the JDBC driver uses for this URL. */
  String sslMode() {
    String mode = parameters.get("sslmode");
    if (mode != null) {
      return mode;
    }
    String ssl = parameters.get("ssl");
    return ssl != null && (ssl.isEmpty() || ssl.equalsIgnoreCase("true"))
        ? "verify-full"
        : "prefer";
  }

  /**
   * The engine's connection settings: host, port, database, {@code database.sslmode}, and every
   * parameter that secures or names the connection as {@code database.<parameter>}, which the
   * engine passes to the JDBC driver of each of its connections, the replication one included.
   */
  Properties engineSettings() {
    Properties settings = new Properties();
    settings.setProperty("database.hostname", host);
    settings.setProperty("database.port", Integer.toString(port));
    settings.setProperty("database.dbname", database);
    parameters.forEach(
        (name, value) -> {
          if (carried(name)) {
            settings.setProperty("database." + name, value);
          }
        });
    settings.setProperty("database.sslmode", sslMode());
    return settings;
  }

  private static boolean carried(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return (lower.startsWith("ssl") && !lower.equals("ssl"))
        || lower.startsWith("gss")
        || CONNECTION_SETTINGS.contains(lower);
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.put(name, value);
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The URL without its parameters, which may hold a password. */
  private static String redacted(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
