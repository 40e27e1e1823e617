package dev.flagstream.contracts.snapshot;

import dev.flagstream.contracts.internal.ContractJson;
import dev.flagstream.contracts.internal.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every flag of a snapshot, sorted and digested once, for a holder that serves the same flags many
 * times: each snapshot written from it is the flags' bytes between a few members written afresh
 * (revision, times), byte for byte what {@link FlagSnapshot#toJson()} writes for the same flags and
 * members. Immutable and thread-safe.
 */
public final class EncodedSnapshot {
  private final List<EncodedFlag> flags;
  private final String digest;

  private EncodedSnapshot(List<EncodedFlag> sorted) {
    this.flags = List.copyOf(sorted);
    this.digest = FlagSnapshot.digestOfCanonical(flags.stream().map(EncodedFlag::canonical));
  }

  /**
   * The snapshot of {@code flags}, which must have distinct names; costs a SHA-256 over their
   * canonical forms, no encoding.
   */
  public static EncodedSnapshot of(Collection<EncodedFlag> flags) {
    List<EncodedFlag> sorted = new ArrayList<>(flags);
    sorted.sort(Comparator.comparing(EncodedFlag::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("flag '" + sorted.get(i).name() + "' appears twice");
      }
    }
    return new EncodedSnapshot(sorted);
  }

  /** How many flags the snapshot holds. */
  public int size() {
    return flags.size();
  }

  /** The digest of the flags, as {@link FlagSnapshot#digestOf} computes it. */
  public String digest() {
    return digest;
  }

  /** The HTTP entity tag of every snapshot of these flags: the digest, quoted. */
  public String entityTag() {
    return FlagSnapshot.entityTagOf(digest);
  }

  /** As {@link FlagSnapshot#isNamedBy(String)}: whether {@code ifNoneMatch} names these flags. */
  public boolean isNamedBy(@Nullable String ifNoneMatch) {
    return FlagSnapshot.names(ifNoneMatch, entityTag());
  }

  /**
   * Writes the snapshot of these flags with the given members, as {@link FlagSnapshot#toJson()}
   * would.
   */
  public void writeTo(OutputStream out, long revision, Instant generatedAt, Instant freshAt)
      throws IOException {
    out.write(head(revision, generatedAt));
    for (int i = 0; i < flags.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(flags.get(i).json());
    }
    out.write(ContractJson.writeSnapshotEnd(new JsonWriter(), freshAt).toBytes());
  }

  private byte[] head(long revision, Instant generatedAt) {
    return ContractJson.writeSnapshotStart(
            new JsonWriter(), FlagSnapshot.SCHEMA_VERSION, revision, digest, generatedAt)
        .toBytes();
  }

  @Override
  public String toString() {
    return "EncodedSnapshot[" + flags.size() + " flags, " + digest + "]";
  }
}
