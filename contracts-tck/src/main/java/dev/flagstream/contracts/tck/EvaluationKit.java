package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.EvaluationCase;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The evaluation cases of the conformance suite as JUnit tests, one dynamic test per case, for a
 * Java implementation that evaluates flags it is given, such as an evaluation API. Its test extends
 * this kit and adapts the implementation to {@link #evaluate}. A flag store, which also reads the
 * flag topic, extends {@link ConformanceKit} instead, which adds the change-stream cases.
 *
 * <p>Two hooks let an implementation state what its interface leaves out, so that every case still
 * asserts what it can: an implementation that does not report buckets returns outcomes without one
 * and says so in {@link #reportsBuckets}, and one that bounds the user ids it takes (an HTTP API
 * refuses long ones) says which in {@link #takes}, and proves the refusal in {@link
 * #assertRefused}.
 */
public abstract class EvaluationKit {

  /**
   * Evaluates {@code flagName} for {@code userId} with the implementation holding exactly {@code
   * flags}; a name not among them is a flag that does not exist.
   *
   * @param userId the user's id, null when the caller has none
   */
  protected abstract Outcome evaluate(
      Map<String, Flag> flags, String flagName, @Nullable String userId);

  /**
   * Whether the outcomes of {@link #evaluate} carry the user's bucket; true by default. When false,
   * the kit compares value and reason alone.
   */
  protected boolean reportsBuckets() {
    return true;
  }

  /**
   * Whether the implementation takes {@code userId} at all; true by default. For a case whose user
   * id it does not take, the kit calls {@link #assertRefused} instead of {@link #evaluate}.
   */
  protected boolean takes(@Nullable String userId) {
    return true;
  }

  /**
   * Asserts that the implementation refuses to evaluate {@code flagName} for {@code userId}, as its
   * contract says; called only for user ids it does not {@linkplain #takes take}. Fails by default:
   * an implementation that declines ids must show how it refuses them.
   */
  protected void assertRefused(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    throw new AssertionError(
        getClass().getName() + " does not take the user id of this case, and shows no refusal");
  }

  /** The suite to run: the one packaged with this kit. */
  protected ConformanceSpec spec() {
    return ConformanceSpec.load();
  }

  /** Every evaluation case of the suite, each a test named by its file, id and description. */
  @TestFactory
  public Stream<DynamicTest> evaluationCases() {
    return spec().evaluationCases().stream()
        .map(c -> dynamicTest(c.id() + ": " + c.description(), () -> run(c)));
  }

  private void run(EvaluationCase c) {
    if (!takes(c.userId())) {
      assertRefused(c.flags(), c.flagName(), c.userId());
      return;
    }
    assertThat(comparable(evaluate(c.flags(), c.flagName(), c.userId())))
        .as("%s for user %s", c.flagName(), c.userId())
        .isEqualTo(comparable(c.expected()));
  }

  /** {@code outcome} as far as the implementation reports it. */
  final Outcome comparable(Outcome outcome) {
    return reportsBuckets() ? outcome : new Outcome(outcome.value(), outcome.reason(), null);
  }
}
