package dev.flagstream.contracts.evaluation;

/**
 * Places a user in one of 100 buckets of a flag: MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8
 * bytes of {@code flagName + ":" + userId}, read unsigned, modulo 100.
 *
 * <p>For ASCII ids this equals Unleash's gradual rollout with default stickiness, whose normalized
 * value 1–100 is this bucket plus one, so users keep their place when a team migrates. A user's
 * buckets of different flags are independent, and a bucket never changes.
 */
public final class Bucket {
  /** Buckets are numbered {@code 0} to {@code COUNT - 1}. */
  public static final int COUNT = 100;

  private Bucket() {}

  /** The bucket, 0–99, of {@code userId} in flag {@code flagName}. Allocates nothing. */
  public static int of(CharSequence flagName, CharSequence userId) {
    return ofHash(Murmur3.hashUtf8(flagName, userId));
  }

  static int ofHash(int hash) {
    return Integer.remainderUnsigned(hash, COUNT);
  }
}
