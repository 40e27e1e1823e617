package dev.flagstream.admin.twofactor;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that two-factor secrets are encrypted with, from {@code
 * flags.two-factor.encryption-keys}: each {@code id:key}, the key 32 bytes in Base64. The first
 * encrypts every new secret; each decrypts the secrets it encrypted, which record its id, so a new
 * key goes first and an old one stays listed until no secret needs it.
 */
final class EncryptionKeys {
  static final String PROPERTY = "flags.two-factor.encryption-keys";
  static final int KEY_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

  /** A key and the id stored beside what it encrypted. */
  record Key(String id, SecretKey secret) {
    @Override
    public String toString() {
      return "Key[" + id + "]"; // never the key itself
    }
  }

  private final Map<String, Key> byId;

  private EncryptionKeys(Map<String, Key> byId) {
    this.byId = byId;
  }

  /**
   * The keys as configured, the first current.
   *
   * @throws IllegalArgumentException naming the entry (never its key) when one is malformed or two
   *     share an id
   */
  static EncryptionKeys parse(List<String> configured) {
    Map<String, Key> keys = new LinkedHashMap<>();
    for (int i = 0; i < configured.size(); i++) {
      Key key = parse(i, configured.get(i).strip());
      if (keys.putIfAbsent(key.id(), key) != null) {
        throw new IllegalArgumentException(
            PROPERTY + "[" + i + "] repeats the id '" + key.id() + "'; every key needs its own");
      }
    }
    return new EncryptionKeys(keys);
  }

  private static Key parse(int index, String entry) {
    String where = PROPERTY + "[" + index + "]";
    String[] parts = entry.split(":", 2);
    String id = parts[0];
    if (parts.length != 2 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          where + " must be id:key, the id 1 to 32 letters, digits, '.', '_' or '-'");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          where
              + " ('"
              + id
              + "') must hold "
              + KEY_BYTES
              + " bytes in Base64 after the colon, such as the output of openssl rand -base64 32");
    }
    return new Key(id, new SecretKeySpec(key, "AES"));
  }

  boolean isEmpty() {
    return byId.isEmpty();
  }

  /** The key new secrets are encrypted with. */
  Key current() {
    if (byId.isEmpty()) {
      throw new IllegalStateException(
          "no two-factor encryption key is configured (" + PROPERTY + ")");
    }
    return byId.values().iterator().next();
  }

  Optional<Key> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids, current first. */
  List<String> ids() {
    return new ArrayList<>(byId.keySet());
  }

  /** Which of {@code ids} name no configured key. */
  Set<String> missing(Set<String> ids) {
    Set<String> missing = new TreeSet<>(ids);
    missing.removeAll(byId.keySet());
    return missing;
  }
}
