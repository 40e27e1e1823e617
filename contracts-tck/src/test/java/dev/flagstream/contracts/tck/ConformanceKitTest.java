package dev.flagstream.contracts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.ChangeStreamCase;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.SnapshotRefresh;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The kit feeds a consumer the steps of a case in their order, with each snapshot requested before
 * the records that arrived after the request, and fails a consumer that gets it wrong.
 */
class ConformanceKitTest {
  private static final List<ChangeStreamCase> CASES = ConformanceSpec.load().changeStreamCases();

  /** The reference consumer, which can be told to ignore snapshots, and which logs its calls. */
  private static final class Logging extends ReferenceConformanceTest {
    /** The calls each consumer received, one list per consumer, in the order they were made. */
    final List<List<String>> calls = new ArrayList<>();

    boolean ignoresSnapshots;

    @Override
    protected StreamConsumer newConsumer() {
      StreamConsumer reference = super.newConsumer();
      List<String> calls = new ArrayList<>();
      this.calls.add(calls);
      return new StreamConsumer() {
        @Override
        public void accept(StreamRecord record) {
          calls.add("record " + record.position());
          reference.accept(record);
        }

        @Override
        public SnapshotRequest requestSnapshot() {
          calls.add("request");
          SnapshotRequest request = reference.requestSnapshot();
          return snapshot -> {
            calls.add("answer");
            if (!ignoresSnapshots) {
              request.answer(snapshot);
            }
          };
        }

        @Override
        public Map<String, Flag> flags() {
          return reference.flags();
        }

        @Override
        public long revision() {
          return reference.revision();
        }

        @Override
        public Outcome evaluate(String flagName, @Nullable String userId) {
          return reference.evaluate(flagName, userId);
        }

        @Override
        public void close() {
          calls.add("close");
        }
      };
    }

    long failures() {
      return changeStreamCases().filter(ConformanceKitTest::fails).count();
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

  /** The calls the kit should make for {@code c}, worked out from the case alone. */
  private static List<String> expectedCalls(ChangeStreamCase c) {
    List<String> calls = new ArrayList<>();
    for (var step : c.steps()) {
      for (var later : c.steps()) {
        if (later instanceof SnapshotRefresh r && r.requestedBefore() == step.position()) {
          calls.add("request");
        }
      }
      calls.add(step instanceof SnapshotRefresh ? "answer" : "record " + step.position());
    }
    calls.add("close");
    return calls;
  }

  @Test
  void everyCase_isFedInOrder_withSnapshotsRequestedBeforeWhatArrivedAfterTheRequest() {
    Logging consumer = new Logging();
    assertThat(consumer.failures()).isZero();

    assertThat(consumer.calls)
        .isEqualTo(CASES.stream().map(ConformanceKitTest::expectedCalls).toList());
    int arrivedAfterTheRequest =
        CASES.stream()
            .map(ChangeStreamCase::id)
            .toList()
            .indexOf(
                "change-stream/003-snapshot-refresh.json"
                    + "#snapshot-keeps-flags-that-arrived-after-the-request");
    assertThat(consumer.calls.get(arrivedAfterTheRequest))
        .containsExactly("record 0", "request", "record 1", "answer", "close");
  }

  @Test
  void aConsumerThatIgnoresSnapshots_failsCasesThatNeedThem_andNoOther() {
    Logging consumer = new Logging();
    consumer.ignoresSnapshots = true;
    long withSnapshots =
        CASES.stream()
            .filter(c -> c.steps().stream().anyMatch(s -> s instanceof SnapshotRefresh))
            .count();
    assertThat(consumer.failures()).isPositive().isLessThanOrEqualTo(withSnapshots);
  }
}
