package dev.flagstream.admin.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for other services, configured rather than stored, under {@code flags.keys} as in the
 * evaluator, each comma-separated and sent as {@code Authorization: Bearer}. Each grants one thing.
 *
 * @param server keys that let evaluators read the flag snapshot ({@code FLAGS_KEYS_SERVER})
 * @param metrics keys that let a scraper read {@code /prometheus} and {@code /metrics} ({@code
 *     FLAGS_KEYS_METRICS}), so monitoring needs no admin credential
 */
@ConfigurationProperties("flags.keys")
record ServiceKeys(@DefaultValue List<String> server, @DefaultValue List<String> metrics) {

  ServiceKeys {
    server = List.copyOf(server);
    metrics = List.copyOf(metrics);
  }

  /** Whether {@code secret} is a server key; compares in constant time. */
  boolean isServerKey(String secret) {
    return containsInConstantTime(server, secret);
  }

  /** Whether {@code secret} is a metrics key; compares in constant time. */
  boolean isMetricsKey(String secret) {
    return containsInConstantTime(metrics, secret);
  }

  /** Whether {@code secret} is one of {@code keys}, taking as long whichever it is, if any. */
  private static boolean containsInConstantTime(List<String> keys, String secret) {
    byte[] offered = secret.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (String key : keys) {
      found |=
          !key.isEmpty() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), offered);
    }
    return found;
  }
}
