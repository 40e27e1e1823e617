package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.contracts.tck.ConformanceSpec;
import dev.flagstream.contracts.tck.ConformanceSpec.ChangeStreamCase;
import dev.flagstream.contracts.tck.ConformanceSpec.ExpectedFlag;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamStep;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reconciliation decides what to publish from what it believes consumers hold, so that belief
 * must follow the rules consumers follow: every change-stream case of the conformance suite that is
 * made of topic records alone (snapshots are no part of the topic) is read here through the same
 * path as a record read from Kafka, and must leave held exactly the flags, at the versions, and the
 * revision the case states.
 */
class TopicContentsConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyTopicOnlyCase_leavesHeldWhatTheSuiteSaysAConsumerHolds() {
    return ConformanceSpec.load().changeStreamCases().stream()
        .filter(c -> c.steps().stream().allMatch(StreamRecord.class::isInstance))
        .map(c -> dynamicTest(c.id() + ": " + c.description(), () -> run(c)));
  }

  private static void run(ChangeStreamCase c) {
    TopicContents topic = new TopicContents();
    for (StreamStep step : c.steps()) {
      StreamRecord record = (StreamRecord) step;
      topic.add(TopicContentsTest.record(record.key(), record.value(), record.headers()));
    }
    Map<String, Long> held = new TreeMap<>();
    topic
        .held()
        .forEach(
            (name, state) -> {
              if (!state.deleted()) {
                held.put(name, state.version());
              }
            });
    assertThat(held)
        .as("flags held, by version")
        .isEqualTo(
            c.expectedFlags().stream()
                .collect(Collectors.toMap(ExpectedFlag::name, ExpectedFlag::version)));
    assertThat(topic.highestRevision()).as("revision held").isEqualTo(c.expectedRevision());
  }
}
