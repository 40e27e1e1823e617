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
  private final Murmur3.State prefix;

  private CompiledFlag(Flag flag) {
    this.flag = flag;
    this.prefix = Murmur3.absorb((flag.name() + ":").getBytes(StandardCharsets.UTF_8));
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
   * The bucket, 0–99, of {@code userId} in this flag, as {@link Bucket#of} gives it, whether or not
   * an evaluation would rest on it. Allocates nothing.
   */
  public int bucket(CharSequence userId) {
    return Bucket.ofHash(Murmur3.hashUtf8(prefix, userId));
  }

  @Override
  public String toString() {
    return "CompiledFlag[" + flag.name() + "@" + flag.version() + "]";
  }
}
