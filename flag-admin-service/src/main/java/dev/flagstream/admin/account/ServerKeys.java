package dev.flagstream.admin.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that let other Flagstream services, the evaluators, read the flag snapshot: {@code
 * flags.server-keys} ({@code FLAGS_SERVER_KEYS}, comma-separated). They grant nothing else.
 */
@ConfigurationProperties("flags")
record ServerKeys(@DefaultValue List<String> serverKeys) {

  /** Whether {@code secret} is one of the keys; compares in constant time. */
  boolean matches(String secret) {
    return containsInConstantTime(serverKeys, secret);
  }

  /** Whether {@code secret} is one of {@code keys}, taking as long whichever it is, if any. */
  static boolean containsInConstantTime(List<String> keys, String secret) {
    byte[] offered = secret.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (String key : keys) {
      found |=
          !key.isEmpty() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), offered);
    }
    return found;
  }
}
