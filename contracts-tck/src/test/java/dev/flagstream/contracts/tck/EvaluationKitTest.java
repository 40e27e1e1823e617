package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.EvaluationCase;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The kit fails implementations that are wrong, and only where they are wrong. */
class EvaluationKitTest {
  private static final int LONGEST_ID = 256;
  private static final ConformanceSpec SPEC = ConformanceSpec.load();

  /** The reference algorithm behind an interface that may leave things out. */
  private static final class Adapter extends EvaluationKit {
    boolean dropsBuckets;
    boolean saysItReportsNoBuckets;
    boolean declinesLongIds;
    boolean showsTheRefusal;
    boolean alwaysOn;

    @Override
    protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
      assertThat(declinesLongIds && isLong(userId)).as("evaluated a declined id").isFalse();
      if (alwaysOn) {
        return new Outcome(true, "FULL_ROLLOUT", null);
      }
      Outcome outcome = Outcome.of(FlagEvaluator.evaluate(flags.get(flagName), userId));
      return dropsBuckets ? new Outcome(outcome.value(), outcome.reason(), null) : outcome;
    }

    @Override
    protected boolean reportsBuckets() {
      return !saysItReportsNoBuckets;
    }

    @Override
    protected boolean takes(@Nullable String userId) {
      return !(declinesLongIds && isLong(userId));
    }

    @Override
    protected void assertRefused(
        Map<String, Flag> flags, String flagName, @Nullable String userId) {
      if (!showsTheRefusal) {
        super.assertRefused(flags, flagName, userId);
      }
    }

    long failures() {
      return evaluationCases().filter(EvaluationKitTest::fails).count();
    }
  }

  private static boolean fails(DynamicTest test) {
    try {
      test.getExecutable().execute();
      return false;
    } catch (Throwable failure) {
      return true;
    }
  }

  private static boolean isLong(@Nullable String userId) {
    return userId != null && userId.length() > LONGEST_ID;
  }

  private static long cases(Predicate<EvaluationCase> which) {
    long count = SPEC.evaluationCases().stream().filter(which).count();
    assertThat(count).as("the suite has such cases").isPositive();
    return count;
  }

  @Test
  void theReference_passesEveryCase() {
    assertThat(new Adapter().failures()).isZero();
  }

  @Test
  void anImplementationThatIsAlwaysOn_failsEveryCaseThatIsNotOnForTheSameReason() {
    Adapter alwaysOn = new Adapter();
    alwaysOn.alwaysOn = true;
    alwaysOn.saysItReportsNoBuckets = true;
    assertThat(alwaysOn.failures())
        .isEqualTo(
            cases(c -> !(c.expected().value() && c.expected().reason().equals("FULL_ROLLOUT"))));
  }

  @Test
  void bucketsLeftOut_failEveryCaseWithABucket_unlessTheImplementationSaysItReportsNone() {
    Adapter withoutBuckets = new Adapter();
    withoutBuckets.dropsBuckets = true;
    assertThat(withoutBuckets.failures()).isEqualTo(cases(c -> c.expected().bucket() != null));

    withoutBuckets.saysItReportsNoBuckets = true;
    assertThat(withoutBuckets.failures()).isZero();
  }

  @Test
  void userIdsAnImplementationDoesNotTake_areNotEvaluated_andFailUnlessItShowsTheRefusal() {
    Adapter bounded = new Adapter();
    bounded.declinesLongIds = true;
    assertThat(bounded.failures()).isEqualTo(cases(c -> isLong(c.userId())));

    bounded.showsTheRefusal = true;
    assertThat(bounded.failures()).isZero();
  }
}
