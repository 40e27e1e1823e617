package dev.flagstream.evaluator.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SDK keys, under {@code flags.keys}: server keys for services (flag definitions, which hold
 * allowlists of user ids), client keys for browsers (values only). Compared in constant time.
 */
@ConfigurationProperties("flags.keys")
public record SdkKeys(@DefaultValue List<String> server, @DefaultValue List<String> client) {

  /** What a key may do. */
  public enum Kind {
    SERVER,
    CLIENT
  }

  /** The kind of {@code key}, or null when it is no key of ours. */
  public @Nullable Kind kindOf(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    byte[] offered = key.getBytes(StandardCharsets.UTF_8);
    boolean isServer = anyMatches(server, offered);
    boolean isClient = anyMatches(client, offered);
    return isServer ? Kind.SERVER : isClient ? Kind.CLIENT : null;
  }

  private static boolean anyMatches(List<String> keys, byte[] offered) {
    boolean found = false;
    for (String key : keys) {
      found |=
          !key.isEmpty() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), offered);
    }
    return found;
  }
}
