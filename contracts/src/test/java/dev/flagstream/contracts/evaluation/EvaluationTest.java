package dev.flagstream.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvaluationTest {

  @ParameterizedTest
  @EnumSource(
      value = Reason.class,
      names = {"IN_ROLLOUT", "OUT_OF_ROLLOUT"},
      mode = EnumSource.Mode.EXCLUDE)
  void reasonsDecidedWithoutBucket_haveNoBucket(Reason reason) {
    Evaluation evaluation = Evaluation.of(reason);
    assertThat(evaluation.reason()).isEqualTo(reason);
    assertThat(evaluation.value()).isEqualTo(reason.value());
    assertThat(evaluation.bucket()).isEqualTo(Evaluation.NO_BUCKET);
    assertThat(evaluation.hasBucket()).isFalse();
  }

  @Test
  void ofBucket_isInExactlyBelowTheRollout() {
    assertThat(Evaluation.ofBucket(49, 50))
        .isEqualTo(new Evaluation(true, Reason.IN_ROLLOUT, 49))
        .matches(Evaluation::hasBucket);
    assertThat(Evaluation.ofBucket(50, 50))
        .isEqualTo(new Evaluation(false, Reason.OUT_OF_ROLLOUT, 50));
    assertThat(Evaluation.ofBucket(0, 0).value()).isFalse();
    assertThat(Evaluation.ofBucket(0, 1).value()).isTrue();
    assertThat(Evaluation.ofBucket(99, 99).value()).isFalse();
  }

  @Test
  void valueMustAgreeWithTheReason() {
    assertThatThrownBy(() -> new Evaluation(true, Reason.DISABLED, Evaluation.NO_BUCKET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DISABLED always has the value false");
  }

  @Test
  void bucketedReasons_needABucketInRange() {
    assertThatThrownBy(() -> new Evaluation(true, Reason.IN_ROLLOUT, Evaluation.NO_BUCKET))
        .hasMessageContaining("needs a bucket");
    assertThatThrownBy(() -> new Evaluation(false, Reason.OUT_OF_ROLLOUT, 100))
        .hasMessageContaining("needs a bucket");
    assertThat(new Evaluation(false, Reason.OUT_OF_ROLLOUT, 99).bucket()).isEqualTo(99);
    assertThat(new Evaluation(true, Reason.IN_ROLLOUT, 0).bucket()).isZero();
  }

  @Test
  void otherReasons_takeNoBucket() {
    assertThatThrownBy(() -> new Evaluation(true, Reason.FULL_ROLLOUT, 3))
        .hasMessageContaining("has no bucket");
    assertThatThrownBy(() -> new Evaluation(true, Reason.FULL_ROLLOUT, -2))
        .hasMessageContaining("has no bucket");
  }

  @Test
  void reasonIsRequired() {
    assertThatThrownBy(() -> new Evaluation(false, null, Evaluation.NO_BUCKET))
        .isInstanceOf(NullPointerException.class);
  }
}
