package dev.flagstream.contracts.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of evaluating a flag for a user.
 *
 * @param value whether the flag is on for the user
 * @param reason which step of the algorithm decided
 * @param bucket the user's bucket, 0–99, when the decision rested on it ({@link Reason#IN_ROLLOUT}
 *     or {@link Reason#OUT_OF_ROLLOUT}); {@link #NO_BUCKET} otherwise
 */
public record Evaluation(boolean value, Reason reason, int bucket) {
  /** The bucket of an evaluation that did not need one. */
  public static final int NO_BUCKET = -1;

  private static final Evaluation[] WITHOUT_BUCKET = new Evaluation[Reason.values().length];
  private static final Evaluation[] IN_ROLLOUT = new Evaluation[Bucket.COUNT];
  private static final Evaluation[] OUT_OF_ROLLOUT = new Evaluation[Bucket.COUNT];

  static {
    for (Reason reason : Reason.values()) {
      if (!isBucketed(reason)) {
        WITHOUT_BUCKET[reason.ordinal()] = new Evaluation(reason.value(), reason, NO_BUCKET);
      }
    }
    for (int bucket = 0; bucket < Bucket.COUNT; bucket++) {
      IN_ROLLOUT[bucket] = new Evaluation(true, Reason.IN_ROLLOUT, bucket);
      OUT_OF_ROLLOUT[bucket] = new Evaluation(false, Reason.OUT_OF_ROLLOUT, bucket);
    }
  }

  public Evaluation {
    requireNonNull(reason, "reason");
    if (value != reason.value()) {
      throw new IllegalArgumentException(reason + " always has the value " + reason.value());
    }
    boolean bucketed = isBucketed(reason);
    if (bucketed != (bucket >= 0 && bucket < Bucket.COUNT) || !bucketed && bucket != NO_BUCKET) {
      throw new IllegalArgumentException(
          reason + (bucketed ? " needs a bucket in 0-99" : " has no bucket") + ", got " + bucket);
    }
  }

  private static boolean isBucketed(Reason reason) {
    return reason == Reason.IN_ROLLOUT || reason == Reason.OUT_OF_ROLLOUT;
  }

  /** Whether the decision rested on the user's bucket. */
  public boolean hasBucket() {
    return bucket != NO_BUCKET;
  }

  /** The shared evaluation for a reason that needs no bucket. */
  static Evaluation of(Reason reason) {
    return WITHOUT_BUCKET[reason.ordinal()];
  }

  /** The shared evaluation for a decision on {@code bucket} against {@code rolloutPercentage}. */
  static Evaluation ofBucket(int bucket, int rolloutPercentage) {
    return bucket < rolloutPercentage ? IN_ROLLOUT[bucket] : OUT_OF_ROLLOUT[bucket];
  }
}
