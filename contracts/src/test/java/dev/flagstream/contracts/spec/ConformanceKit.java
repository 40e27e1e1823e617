package dev.flagstream.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ConformanceSpec.ChangeStreamCase;
import dev.flagstream.contracts.spec.ConformanceSpec.ExpectedFlag;
import dev.flagstream.contracts.spec.ConformanceSpec.Outcome;
import dev.flagstream.contracts.spec.ConformanceSpec.SnapshotRefresh;
import dev.flagstream.contracts.spec.ConformanceSpec.StreamEvaluation;
import dev.flagstream.contracts.spec.ConformanceSpec.StreamRecord;
import dev.flagstream.contracts.spec.ConformanceSpec.StreamStep;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite as JUnit tests. Each Java implementation of evaluation or of a flag store
 * extends this kit and adapts itself to the three hooks; the suite then runs every case of {@code
 * contracts/spec} against it.
 */
public abstract class ConformanceKit {

  /**
   * A consumer of the flag topic under test, fed the steps of a case in order: records as they
   * arrive from the topic, and answers to snapshot requests. A step's position is the consumer's
   * clock: it receives the step at position {@code p} at time {@code p}.
   */
  public interface StreamConsumer {
    /** Receives a record of the topic, as the consumer's topic reader would. */
    void accept(StreamRecord record);

    /**
     * Reconciles with a snapshot, as the consumer's snapshot refresh would, requested at time
     * {@code refresh.requestedBefore()}.
     */
    void reconcile(SnapshotRefresh refresh);

    /** The flags held now, by name. */
    Map<String, Flag> flags();

    /** The revision held now. */
    long revision();

    Outcome evaluate(String flagName, @Nullable String userId);
  }

  /** Evaluates {@code flagName} for {@code userId} with a store holding exactly {@code flags}. */
  protected abstract Outcome evaluate(
      Map<String, Flag> flags, String flagName, @Nullable String userId);

  /** The bucket of {@code userId} in flag {@code flagName}. */
  protected abstract int bucket(String flagName, String userId);

  /** A new consumer holding nothing. */
  protected abstract StreamConsumer newConsumer();

  /** The suite to run; this repository's by default. */
  protected ConformanceSpec spec() {
    return ConformanceSpec.ofRepository();
  }

  @TestFactory
  public Stream<DynamicTest> evaluationCases() {
    return spec().evaluationCases().stream()
        .map(
            c ->
                dynamicTest(
                    c.id() + ": " + c.description(),
                    () ->
                        assertThat(evaluate(c.flags(), c.flagName(), c.userId()))
                            .as("%s for user %s", c.flagName(), c.userId())
                            .isEqualTo(c.expected())));
  }

  @TestFactory
  public Stream<DynamicTest> bucketCases() {
    return spec().bucketCases().stream()
        .map(
            c ->
                dynamicTest(
                    c.id(),
                    () ->
                        assertThat(bucket(c.flagName(), c.userId()))
                            .as("bucket of %s in %s", c.userId(), c.flagName())
                            .isEqualTo(c.bucket())));
  }

  @TestFactory
  public Stream<DynamicTest> changeStreamCases() {
    return spec().changeStreamCases().stream()
        .map(c -> dynamicTest(c.id() + ": " + c.description(), () -> run(c)));
  }

  private void run(ChangeStreamCase c) {
    StreamConsumer consumer = newConsumer();
    for (StreamStep step : c.steps()) {
      if (step instanceof SnapshotRefresh refresh) {
        consumer.reconcile(refresh);
      } else {
        consumer.accept((StreamRecord) step);
      }
    }

    Map<String, ExpectedFlag> held =
        consumer.flags().values().stream()
            .collect(
                Collectors.toMap(
                    Flag::name,
                    f ->
                        new ExpectedFlag(
                            f.name(),
                            f.version(),
                            f.enabled(),
                            f.rolloutPercentage(),
                            f.userAllowlist())));
    Map<String, ExpectedFlag> expected =
        c.expectedFlags().stream().collect(Collectors.toMap(ExpectedFlag::name, f -> f));
    assertThat(held).as("flags held").isEqualTo(expected);
    assertThat(consumer.revision()).as("revision held").isEqualTo(c.expectedRevision());
    for (StreamEvaluation e : c.evaluations()) {
      assertThat(consumer.evaluate(e.flagName(), e.userId()))
          .as("%s for user %s", e.flagName(), e.userId())
          .isEqualTo(e.expected());
    }
  }
}
