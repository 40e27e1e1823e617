package dev.flagstream.contracts.evaluation;

import static java.util.Objects.requireNonNull;

import dev.flagstream.contracts.flag.Flag;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A flag prepared for evaluating many users, as a store holds it: the part of every user's hash
 * that depends on the flag alone is computed once. Evaluates exactly as {@link
 * FlagEvaluator#evaluate(Flag, String)} does. Immutable and thread-safe.
 */
public final class CompiledFlag {
  private final Flag flag;
  // What an evaluation reads, copied out of the flag and the prefix's hash state so that it reaches
  // them in this object alone: every object between a lookup and the hash is a load the processor
  // waits for before it can start.
  private final boolean enabled;
  private final int rolloutPercentage;
  private final int prefixHash;
  private final int prefixPending;
  private final int prefixCount;

  private CompiledFlag(Flag flag) {
    this.flag = flag;
    this.enabled = flag.enabled();
    this.rolloutPercentage = flag.rolloutPercentage();
    Murmur3.State prefix = Murmur3.absorb((flag.name() + ":").getBytes(StandardCharsets.UTF_8));
    this.prefixHash = prefix.hash();
    this.prefixPending = prefix.pending();
    this.prefixCount = prefix.count();
  }

  /** Prepares {@code flag}; costs about one hash of its name. */
  public static CompiledFlag of(Flag flag) {
    return new CompiledFlag(requireNonNull(flag, "flag"));
  }

  /** The flag this was prepared from. */
  public Flag flag() {
    return flag;
  }

  /**
   * Evaluates the flag for {@code userId}, allocating nothing.
   *
   * @param userId the user's id; null or empty when the caller has none
   */
  public Evaluation evaluate(@Nullable String userId) {
    return FlagEvaluator.evaluate(flag, userId, this);
  }

  /**
   * Whether the flag is on for {@code userId}: always {@code evaluate(userId).value()}, for callers
   * that want only the answer, as an SDK's {@code isEnabled} does. Allocates nothing.
   *
   * <p>Reaches that answer without a branch on the user's bucket: at a partial rollout that branch
   * goes either way at random, and each misprediction throws away the work the processor had
   * already started on the next call (measured: 38 ns a call with the branch, 31 without). An
   * allowlist can only turn a user on, so it is ORed in, not checked first.
   *
   * @param userId the user's id; null or empty when the caller has none
   */
  public boolean isEnabled(@Nullable String userId) {
    if (!enabled) {
      return false;
    }
    int rollout = rolloutPercentage;
    if (rollout >= Bucket.COUNT) {
      return true;
    }
    if (userId == null || userId.isEmpty()) {
      return false;
    }
    return bucket(userId) < rollout | flag.isAllowlisted(userId);
  }

  /**
   * The bucket, 0–99, of {@code userId} in this flag, as {@link Bucket#of} gives it, whether or not
   * an evaluation would rest on it. Allocates nothing.
   */
  public int bucket(CharSequence userId) {
    return Bucket.ofHash(Murmur3.hashUtf8(prefixHash, prefixPending, prefixCount, userId));
  }

  @Override
  public String toString() {
    return "CompiledFlag[" + flag.name() + "@" + flag.version() + "]";
  }
}
