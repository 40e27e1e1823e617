package dev.flagstream.local.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings each service starts with on the platform, name to value, as the command-line
 * arguments of its process: the services' own configuration files stay as they ship.
 */
final class ServiceSettings {
  private ServiceSettings() {}

  static Map<String, String> admin(
      int port,
      PlatformPostgres postgres,
      String kafka,
      LocalCredentials credentials,
      Path logDirectory) {
    Map<String, String> settings = logging(LocalPlatform.ADMIN, logDirectory);
    settings.put("server.port", Integer.toString(port));
    settings.put("spring.datasource.url", postgres.jdbcUrl());
    settings.put("spring.datasource.username", postgres.user());
    settings.put("spring.datasource.password", "");
    settings.put("flags.bootstrap.admin.email", credentials.email());
    settings.put("flags.bootstrap.admin.password", credentials.password());
    settings.put("flags.bootstrap.token", credentials.token());
    // A developer's machine on loopback: the printed token keeps working for a year, and the
    // session cookie travels over plain http://localhost.
    settings.put("flags.bootstrap.token-expires-in", "365d");
    settings.put("flags.session.secure-cookies", "false");
    // The key that reads the admin's snapshot: the evaluator's safety net (flags.admin-server-key).
    settings.put("flags.keys.server", credentials.serverKey());
    // Kept with the credentials: two-factor secrets set up in one run stay readable in the next.
    settings.put("flags.two-factor.encryption-keys", credentials.twoFactorKey());
    settings.put("flags.kafka.bootstrap-servers", kafka);
    // One local broker: the topic gets one replica.
    settings.put("flags.kafka.replication-factor", "1");
    return settings;
  }

  static Map<String, String> evaluator(
      int port, String kafka, String adminUrl, LocalCredentials credentials, Path logDirectory) {
    Map<String, String> settings = logging(LocalPlatform.EVALUATOR, logDirectory);
    settings.put("server.port", Integer.toString(port));
    settings.put("flags.kafka.bootstrap-servers", kafka);
    settings.put("flags.admin-url", adminUrl);
    settings.put("flags.admin-server-key", credentials.serverKey());
    settings.put("flags.keys.server", credentials.serverKey());
    settings.put("flags.keys.client", credentials.clientKey());
    // Where front ends in development are served from (Vite, Create React App).
    settings.put("flags.cors.allowed-origins", "http://localhost:5173,http://localhost:3000");
    return settings;
  }

  /**
   * The log in full to {@code <name>.log}; on the console, which the launcher relays with the name
   * before each line, warnings and errors only, in a short pattern.
   */
  static Map<String, String> logging(String name, Path logDirectory) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("logging.file.name", logDirectory.resolve(name + ".log").toString());
    settings.put("logging.threshold.console", "WARN");
    settings.put("logging.pattern.console", "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
    settings.put("spring.main.banner-mode", "log");
    return settings;
  }
}
