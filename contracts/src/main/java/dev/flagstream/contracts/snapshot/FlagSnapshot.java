package dev.flagstream.contracts.snapshot;

import static java.util.Objects.requireNonNull;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.internal.ContractJson;
import dev.flagstream.contracts.internal.JsonReader;
import dev.flagstream.contracts.internal.JsonWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Every flag a holder has, as served by the snapshot endpoints of the admin service and the
 * evaluator, for SDKs that start up or refresh from it.
 *
 * @param schemaVersion the wire format's version, {@value #SCHEMA_VERSION}
 * @param revision the change-stream revision the flags are at, or {@link #UNKNOWN_REVISION} when
 *     the holder reads the database rather than the stream
 * @param digest SHA-256 (hex) of the flags in canonical form; equal digests mean equal flags
 * @param generatedAt when the snapshot was taken
 * @param flags the flags, by name in ascending order
 * @param freshAt when the holder last knew its flags to be current: {@code generatedAt} for the
 *     admin service, which reads the database; for an evaluator, when its change stream last proved
 *     current. Snapshots written before this field existed read as {@code generatedAt}
 */
public record FlagSnapshot(
    int schemaVersion,
    long revision,
    String digest,
    Instant generatedAt,
    List<Flag> flags,
    Instant freshAt) {
  public static final int SCHEMA_VERSION = 1;
  public static final long UNKNOWN_REVISION = -1;

  public FlagSnapshot {
    requireNonNull(digest, "digest");
    requireNonNull(generatedAt, "generatedAt");
    flags = List.copyOf(requireNonNull(flags, "flags"));
    requireNonNull(freshAt, "freshAt");
  }

  /** A snapshot of {@code flags}, sorted and digested, current when generated. */
  public static FlagSnapshot of(Collection<Flag> flags, long revision, Instant generatedAt) {
    return of(flags, revision, generatedAt, generatedAt);
  }

  /** A snapshot of {@code flags}, sorted and digested, last known current at {@code freshAt}. */
  public static FlagSnapshot of(
      Collection<Flag> flags, long revision, Instant generatedAt, Instant freshAt) {
    List<Flag> sorted = byName(flags);
    return new FlagSnapshot(
        SCHEMA_VERSION, revision, digestOfSorted(sorted), generatedAt, sorted, freshAt);
  }

  /**
   * The digest of a set of flags, independent of their order and of the order of metadata keys:
   * SHA-256 over each flag's JSON, object keys sorted, one per line, by name.
   */
  public static String digestOf(Collection<Flag> flags) {
    return digestOfSorted(byName(flags));
  }

  private static List<Flag> byName(Collection<Flag> flags) {
    List<Flag> sorted = new ArrayList<>(flags);
    sorted.sort(Comparator.comparing(Flag::name));
    return sorted;
  }

  private static String digestOfSorted(List<Flag> sorted) {
    return digestOfCanonical(
        sorted.stream()
            .map(flag -> ContractJson.writeCanonicalFlag(new JsonWriter(), flag).toBytes()));
  }

  /** The digest of flags already in canonical form and sorted by name. */
  static String digestOfCanonical(Stream<byte[]> canonicalFlags) {
    MessageDigest sha256 = sha256();
    canonicalFlags.forEach(
        canonical -> {
          sha256.update(canonical);
          sha256.update((byte) '\n');
        });
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The snapshot's HTTP entity tag: its digest, quoted. Equal tags mean equal flags. */
  public String entityTag() {
    return entityTagOf(digest);
  }

  static String entityTagOf(String digest) {
    return "\"" + digest + "\"";
  }

  /**
   * Whether an {@code If-None-Match} header names this snapshot, so that {@code 304 Not Modified}
   * may answer it: the header is {@code *} or a list of entity tags of which one, compared weakly
   * (a {@code W/} prefix ignored, RFC 9110 §13.1.2), is {@link #entityTag()}.
   */
  public boolean isNamedBy(@Nullable String ifNoneMatch) {
    return names(ifNoneMatch, entityTag());
  }

  /** Whether {@code ifNoneMatch} names {@code tag}, as {@link #isNamedBy(String)} tells. */
  static boolean names(@Nullable String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String named : ifNoneMatch.split(",", -1)) {
      String candidate = named.strip();
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals("*") || candidate.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /** The snapshot as JSON. */
  public byte[] toJson() {
    return ContractJson.writeSnapshot(new JsonWriter(), this).toBytes();
  }

  /**
   * Reads a snapshot.
   *
   * @throws IllegalArgumentException when the bytes are not a complete snapshot of a known schema
   *     version
   */
  public static FlagSnapshot fromJson(byte[] json) {
    FlagSnapshot snapshot;
    try {
      snapshot = ContractJson.readSnapshot(JsonReader.of(json));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not a flag snapshot: " + e.getMessage(), e);
    }
    if (snapshot.schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "snapshot schema version " + snapshot.schemaVersion() + " is unknown");
    }
    return snapshot;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
