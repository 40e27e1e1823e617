package dev.flagstream.contracts.spec;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Buckets computed by an independent, well-kept MurmurHash3 (commons-codec), never by the code
 * under test: the source of every bucket-dependent expectation in the conformance suite.
 */
public final class ReferenceBuckets {
  private ReferenceBuckets() {}

  public static int bucket(String flagName, String userId) {
    byte[] bytes = (flagName + ":" + userId).getBytes(StandardCharsets.UTF_8);
    int hash = MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
    return (int) (Integer.toUnsignedLong(hash) % 100);
  }
}
