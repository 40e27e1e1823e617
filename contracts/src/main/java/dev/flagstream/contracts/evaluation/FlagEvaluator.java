package dev.flagstream.contracts.evaluation;

import dev.flagstream.contracts.flag.Flag;
import org.jspecify.annotations.Nullable;

/**
 * The one evaluation algorithm. In order:
 *
 * <ol>
 *   <li>flag missing → off ({@link Reason#FLAG_NOT_FOUND}); flag disabled → off ({@link
 *       Reason#DISABLED});
 *   <li>user on the allowlist → on ({@link Reason#ALLOWLISTED});
 *   <li>rollout 100 → on ({@link Reason#FULL_ROLLOUT});
 *   <li>no user id (null or empty) → off ({@link Reason#NO_USER}); otherwise on exactly when the
 *       user's {@link Bucket} is below the rollout percentage ({@link Reason#IN_ROLLOUT}, {@link
 *       Reason#OUT_OF_ROLLOUT}).
 * </ol>
 *
 * <p>Raising a rollout only ever adds users. Pure, thread-safe and allocation-free: the returned
 * evaluations are shared instances. A store that evaluates a flag for many users holds it as a
 * {@link CompiledFlag}, which does the flag's share of the hashing once.
 */
public final class FlagEvaluator {
  private FlagEvaluator() {}

  /**
   * Evaluates {@code flag} for {@code userId}.
   *
   * @param flag the flag, or null when none of that name is known
   * @param userId the user's id; null or empty when the caller has none
   * @return the value with its reason, never null
   */
  public static Evaluation evaluate(@Nullable Flag flag, @Nullable String userId) {
    return evaluate(flag, userId, null);
  }

  /** The algorithm, once; {@code compiled}, when given, is {@code flag} prepared. */
  static Evaluation evaluate(
      @Nullable Flag flag, @Nullable String userId, @Nullable CompiledFlag compiled) {
    if (flag == null) {
      return Evaluation.of(Reason.FLAG_NOT_FOUND);
    }
    if (!flag.enabled()) {
      return Evaluation.of(Reason.DISABLED);
    }
    if (userId != null && !userId.isEmpty() && flag.isAllowlisted(userId)) {
      return Evaluation.of(Reason.ALLOWLISTED);
    }
    int rollout = flag.rolloutPercentage();
    if (rollout >= Bucket.COUNT) {
      return Evaluation.of(Reason.FULL_ROLLOUT);
    }
    if (userId == null || userId.isEmpty()) {
      return Evaluation.of(Reason.NO_USER);
    }
    int bucket = compiled == null ? Bucket.of(flag.name(), userId) : compiled.bucket(userId);
    return Evaluation.ofBucket(bucket, rollout);
  }
}
