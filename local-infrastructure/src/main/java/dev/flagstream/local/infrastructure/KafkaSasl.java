package dev.flagstream.local.infrastructure;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * SASL/PLAIN authentication and ACL authorization of a local broker: the users it knows, the
 * broker's own super user, the broker settings that enforce them and the client settings that sign
 * in as one of them. Without users the broker listens in plain text and authorizes nothing.
 *
 * <p>Every listener, the controller's included, asks for credentials, so no anonymous principal
 * exists that would need rights; the broker signs in to itself as {@value #SUPER_USER}, the only
 * super user. Passwords travel unencrypted (SASL_PLAINTEXT), which proves authentication and
 * authorization, not confidentiality: production adds TLS (SASL_SSL).
 */
final class KafkaSasl {
  static final String SUPER_USER = "local-kafka";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Map<String, String> passwords;

  private KafkaSasl(Map<String, String> passwords) {
    this.passwords = passwords;
  }

  /** No authentication: plain text listeners, no authorizer. */
  static KafkaSasl off() {
    return new KafkaSasl(Map.of());
  }

  /** SASL/PLAIN with these users, name to password, and a super user of a random password. */
  static KafkaSasl plain(Map<String, String> users) {
    Map<String, String> passwords = new LinkedHashMap<>();
    users.forEach(
        (name, password) -> {
          requireSafe("user name", name);
          requireSafe("password", password);
          if (name.equals(SUPER_USER)) {
            throw new IllegalArgumentException(SUPER_USER + " is the broker's own user");
          }
          passwords.put(name, password);
        });
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    passwords.put(SUPER_USER, HexFormat.of().formatHex(secret));
    return new KafkaSasl(Map.copyOf(passwords));
  }

  boolean enabled() {
    return !passwords.isEmpty();
  }

  /** The security protocol of every listener. */
  String protocol() {
    return enabled() ? "SASL_PLAINTEXT" : "PLAINTEXT";
  }

  /** The broker settings beyond the listeners: mechanisms, users and the authorizer. */
  void addBrokerSettings(Properties properties) {
    if (!enabled()) {
      return;
    }
    StringBuilder jaas = new StringBuilder(login(SUPER_USER));
    jaas.setLength(jaas.length() - 1); // the users go before the closing semicolon
    passwords.forEach((name, password) -> jaas.append(" user_" + name + "=\"" + password + "\""));
    jaas.append(';');
    properties.setProperty("sasl.enabled.mechanisms", "PLAIN");
    properties.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
    properties.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
    for (String listener : new String[] {"sasl_plaintext", "controller"}) {
      properties.setProperty("listener.name." + listener + ".sasl.enabled.mechanisms", "PLAIN");
      properties.setProperty(
          "listener.name." + listener + ".plain.sasl.jaas.config", jaas.toString());
    }
    properties.setProperty(
        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    properties.setProperty("super.users", "User:" + SUPER_USER);
    properties.setProperty("allow.everyone.if.no.acl.found", "false");
  }

  /** Client settings that sign in as {@code user}; empty without authentication. */
  Map<String, Object> clientProperties(String user) {
    if (!enabled()) {
      return Map.of();
    }
    if (!passwords.containsKey(user)) {
      throw new IllegalArgumentException("no such user: " + user);
    }
    return Map.of(
        "security.protocol",
        protocol(),
        "sasl.mechanism",
        "PLAIN",
        "sasl.jaas.config",
        login(user));
  }

  private String login(String user) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + passwords.get(user)
        + "\";";
  }

  private static void requireSafe(String what, String value) {
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1 to 64 of A-Z a-z 0-9 . _ @ -, as it is written into a JAAS line");
    }
  }
}
