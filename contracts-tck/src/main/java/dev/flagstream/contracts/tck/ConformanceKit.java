package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.contracts.tck.ConformanceSpec.ChangeStreamCase;
import dev.flagstream.contracts.tck.ConformanceSpec.ExpectedFlag;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.SnapshotRefresh;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamEvaluation;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamStep;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole conformance suite as JUnit tests, for a Java flag store: a consumer of the flag topic
 * that evaluates what it holds. Its test extends this kit and adapts the implementation to the two
 * hooks, {@link #evaluate} (inherited from {@link EvaluationKit}) and {@link #newConsumer}; the kit
 * runs every evaluation and change-stream case of the suite against it, one dynamic test per case.
 * Adapt the hooks to the code that runs in production (the code that reads topic records, that
 * reconciles snapshots, that answers evaluations), so that the suite tests what runs.
 *
 * <p>The suite's bucket cases pin down the hash; Java implementations take it from the contracts,
 * whose own kit tests run them. {@link ConformanceSpec} reads them, and every other case, for
 * runners of one's own.
 */
public abstract class ConformanceKit extends EvaluationKit {

  /**
   * A consumer of the flag topic under test, starting empty. The kit calls it in the order things
   * happen to it: records as they arrive from the topic, a snapshot request when its refresh would
   * send it, and the answer when it comes back, with the records that arrived meanwhile in between.
   * A consumer with a clock of its own advances it at every call, so that what arrived before a
   * request is older than the request and what arrived after it is newer.
   */
  public interface StreamConsumer extends AutoCloseable {
    /** Receives a record of the topic, as the consumer's topic reader would. */
    void accept(StreamRecord record);

    /** Requests a snapshot now, as the consumer's snapshot refresh would; answered later. */
    SnapshotRequest requestSnapshot();

    /** The flags held now, by name. */
    Map<String, Flag> flags();

    /** The revision held now. */
    long revision();

    /** Evaluates {@code flagName} for {@code userId} with the flags held now. */
    Outcome evaluate(String flagName, @Nullable String userId);

    /** Releases what the consumer holds; called once its case is over. Does nothing by default. */
    @Override
    default void close() {}
  }

  /** A snapshot request the consumer has made. */
  @FunctionalInterface
  public interface SnapshotRequest {
    /** Hands the consumer the snapshot its request got back; it reconciles as its refresh would. */
    void answer(FlagSnapshot snapshot) throws Exception;
  }

  /** A new consumer holding nothing; the kit closes it when its case is over. */
  protected abstract StreamConsumer newConsumer();

  /** Every change-stream case of the suite, each a test named by its file, id and description. */
  @TestFactory
  public Stream<DynamicTest> changeStreamCases() {
    return spec().changeStreamCases().stream()
        .map(c -> dynamicTest(c.id() + ": " + c.description(), () -> run(c)));
  }

  private void run(ChangeStreamCase c) throws Exception {
    try (StreamConsumer consumer = newConsumer()) {
      Map<SnapshotRefresh, SnapshotRequest> requested = new HashMap<>();
      for (StreamStep step : c.steps()) {
        for (StreamStep later : c.steps()) {
          if (later instanceof SnapshotRefresh refresh
              && refresh.requestedBefore() == step.position()) {
            requested.put(refresh, consumer.requestSnapshot());
          }
        }
        if (step instanceof SnapshotRefresh refresh) {
          SnapshotRequest request = requested.remove(refresh);
          if (request == null) {
            throw new IllegalStateException(
                c.id() + ": a snapshot step must come after the record it was requested before");
          }
          request.answer(refresh.snapshot());
        } else {
          consumer.accept((StreamRecord) step);
        }
      }

      Map<String, ExpectedFlag> held =
          consumer.flags().values().stream()
              .collect(Collectors.toMap(Flag::name, ExpectedFlag::of));
      Map<String, ExpectedFlag> expected =
          c.expectedFlags().stream().collect(Collectors.toMap(ExpectedFlag::name, f -> f));
      assertThat(held).as("flags held").isEqualTo(expected);
      assertThat(consumer.revision()).as("revision held").isEqualTo(c.expectedRevision());
      for (StreamEvaluation e : c.evaluations()) {
        assertThat(comparable(consumer.evaluate(e.flagName(), e.userId())))
            .as("%s for user %s", e.flagName(), e.userId())
            .isEqualTo(comparable(e.expected()));
      }
    }
  }
}
