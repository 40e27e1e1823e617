package dev.flagstream.evaluator.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SDK keys, under {@code flags.keys}: server keys for services, client keys for browsers,
 * metrics keys for monitoring (see {@link KeyKind}). Compared in constant time. A configuration the
 * evaluator could not be used with, or that is easy to guess, stops it from starting: no server or
 * client key, an empty key, a key shorter than {@value #MIN_LENGTH} characters, or one key of two
 * kinds.
 *
 * @param server keys of services (server SDKs): evaluations with reasons, definitions, streams,
 *     health details and metrics
 * @param client keys of browsers, public by nature: values only, and streams
 * @param metrics keys of monitoring: health details and metrics, nothing else
 */
@ConfigurationProperties("flags.keys")
public record SdkKeys(
    @DefaultValue List<String> server,
    @DefaultValue List<String> client,
    @DefaultValue List<String> metrics) {
  /** The shortest key accepted. */
  public static final int MIN_LENGTH = 16;

  public SdkKeys {
    server = List.copyOf(server);
    client = List.copyOf(client);
    metrics = List.copyOf(metrics);
    if (server.isEmpty() && client.isEmpty()) {
      throw new IllegalArgumentException(
          "no SDK keys: set flags.keys.server (FLAGS_KEYS_SERVER) and/or flags.keys.client"
              + " (FLAGS_KEYS_CLIENT), comma-separated; without them every call is refused");
    }
    Set<String> seen = new HashSet<>();
    check(server, KeyKind.SERVER, seen);
    check(client, KeyKind.CLIENT, seen);
    check(metrics, KeyKind.METRICS, seen);
  }

  private static void check(List<String> keys, KeyKind kind, Set<String> seen) {
    for (int i = 0; i < keys.size(); i++) {
      String property = "flags.keys." + kind.name().toLowerCase(Locale.ROOT) + "[" + i + "]";
      String key = keys.get(i);
      if (key.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            property
                + " is "
                + (key.isEmpty() ? "empty" : "shorter than " + MIN_LENGTH)
                + " characters: use a long random key");
      }
      if (!seen.add(key)) {
        throw new IllegalArgumentException(property + " is configured twice: keys must differ");
      }
    }
  }

  /**
   * The caller that {@code offered} identifies, or null when it is no key of ours.
   *
   * @param inQuery whether the key came in the URL
   */
  public @Nullable Caller find(@Nullable String offered, boolean inQuery) {
    if (offered == null || offered.isEmpty()) {
      return null;
    }
    byte[] bytes = offered.getBytes(StandardCharsets.UTF_8);
    @Nullable Caller found = null;
    // Every key is compared, matching or not, so that the time taken tells nothing.
    for (KeyKind kind : KeyKind.values()) {
      List<String> keys = keysOf(kind);
      for (int i = 0; i < keys.size(); i++) {
        if (MessageDigest.isEqual(keys.get(i).getBytes(StandardCharsets.UTF_8), bytes)) {
          found = new Caller(kind, kind.name().toLowerCase(Locale.ROOT) + "-" + (i + 1), inQuery);
        }
      }
    }
    return found;
  }

  private List<String> keysOf(KeyKind kind) {
    return switch (kind) {
      case SERVER -> server;
      case CLIENT -> client;
      case METRICS -> metrics;
    };
  }
}
