package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ReferenceBuckets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagEvaluatorTest {
  private static final UUID LISTED = UUID.fromString("6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c");

  private static Flag flag(boolean enabled, int rollout) {
    return Flag.builder("checkout-v2")
        .enabled(enabled)
        .rolloutPercentage(rollout)
        .userAllowlist(List.of(LISTED))
        .build();
  }

  @Test
  void evaluate_missingFlag_isOffWithFlagNotFound() {
    assertThat(FlagEvaluator.evaluate(null, "user-1"))
        .isEqualTo(new Evaluation(false, Reason.FLAG_NOT_FOUND, Evaluation.NO_BUCKET));
  }

  @Test
  void evaluate_disabledFlag_isOffEvenForAllowlistedUsers() {
    assertThat(FlagEvaluator.evaluate(flag(false, 100), LISTED.toString()).reason())
        .isEqualTo(Reason.DISABLED);
  }

  @Test
  void evaluate_allowlistedUser_isEnabledEvenAtZeroRollout() {
    Evaluation evaluation = FlagEvaluator.evaluate(flag(true, 0), LISTED.toString());
    assertThat(evaluation.value()).isTrue();
    assertThat(evaluation.reason()).isEqualTo(Reason.ALLOWLISTED);
    assertThat(evaluation.hasBucket()).isFalse();
  }

  @Test
  void evaluate_fullRollout_isOnWithoutAUser() {
    assertThat(FlagEvaluator.evaluate(flag(true, 100), null).reason())
        .isEqualTo(Reason.FULL_ROLLOUT);
    assertThat(FlagEvaluator.evaluate(flag(true, 100), "").reason()).isEqualTo(Reason.FULL_ROLLOUT);
  }

  @Test
  void evaluate_partialRolloutWithoutUser_isOffWithNoUser() {
    assertThat(FlagEvaluator.evaluate(flag(true, 99), null).reason()).isEqualTo(Reason.NO_USER);
    assertThat(FlagEvaluator.evaluate(flag(true, 99), "").reason()).isEqualTo(Reason.NO_USER);
  }

  @Test
  void evaluate_partialRollout_decidesByTheBucketOfTheReference() {
    for (int i = 0; i < 500; i++) {
      String user = "user-" + i;
      int bucket = ReferenceBuckets.bucket("checkout-v2", user);
      Evaluation evaluation = FlagEvaluator.evaluate(flag(true, 50), user);
      assertThat(evaluation.bucket()).isEqualTo(bucket);
      assertThat(evaluation.value()).isEqualTo(bucket < 50);
      assertThat(evaluation.reason())
          .isEqualTo(bucket < 50 ? Reason.IN_ROLLOUT : Reason.OUT_OF_ROLLOUT);
    }
  }

  @Test
  void evaluate_zeroRollout_isOffForEveryUnlistedUser() {
    for (int i = 0; i < 200; i++) {
      assertThat(FlagEvaluator.evaluate(flag(true, 0), "user-" + i).reason())
          .isEqualTo(Reason.OUT_OF_ROLLOUT);
    }
  }

  @Test
  void evaluate_returnsSharedInstances_soTheHotPathAllocatesNoResult() {
    Flag flag = flag(true, 50);
    assertThat(FlagEvaluator.evaluate(flag, "user-7"))
        .isSameAs(FlagEvaluator.evaluate(flag, "user-7"));
    assertThat(FlagEvaluator.evaluate(flag, null)).isSameAs(FlagEvaluator.evaluate(flag, ""));
  }
}
