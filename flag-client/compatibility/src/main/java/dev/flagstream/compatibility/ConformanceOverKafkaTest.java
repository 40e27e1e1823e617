package dev.flagstream.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import dev.flagstream.client.FlagEvaluation;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec;
import dev.flagstream.contracts.tck.ConformanceSpec.ChangeStreamCase;
import dev.flagstream.contracts.tck.ConformanceSpec.EvaluationCase;
import dev.flagstream.contracts.tck.ConformanceSpec.ExpectedFlag;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.SnapshotRefresh;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamEvaluation;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamStep;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite through the public API and a real broker, on the platform's own
 * kafka-clients: each case's records are published to a topic of its own, a {@link FlagClient}
 * reads the topic as a service's would, and what it then holds and evaluates is compared with the
 * case. Every evaluation case, and every change-stream case made of topic records (those with
 * snapshot answers need the kit's control of when a snapshot arrives, which a real endpoint does
 * not give; the client's own build runs them).
 */
class ConformanceOverKafkaTest {
  private static final ConformanceSpec SPEC = ConformanceSpec.load();

  @TestFactory
  Stream<DynamicTest> evaluationCases() throws Exception {
    Map<Map<String, Flag>, List<EvaluationCase>> byFlags = new LinkedHashMap<>();
    for (EvaluationCase c : SPEC.evaluationCases()) {
      byFlags.computeIfAbsent(c.flags(), flags -> new ArrayList<>()).add(c);
    }
    List<String> topics = Broker.newTopics("evaluation", byFlags.size());
    List<List<ProducerRecord<String, byte[]>>> records = new ArrayList<>();
    int t = 0;
    for (Map<String, Flag> flags : byFlags.keySet()) {
      List<ProducerRecord<String, byte[]>> topic = new ArrayList<>();
      long revision = 0;
      for (Flag flag : flags.values()) {
        FlagChangeEvent upsert = FlagChangeEvent.upsert(flag, revision++, Instant.EPOCH);
        topic.add(new ProducerRecord<>(topics.get(t), flag.name(), FlagChangeJson.toBytes(upsert)));
      }
      records.add(topic);
      t++;
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Clients clients = Clients.reading(topics, records)) {
      int i = 0;
      for (List<EvaluationCase> cases : byFlags.values()) {
        FlagClient client = clients.get(i++);
        for (EvaluationCase c : cases) {
          Outcome actual = outcome(client.evaluate(c.flagName(), c.userId()));
          tests.add(
              dynamicTest(
                  c.id() + ": " + c.description(),
                  () -> assertThat(actual).as(c.flagName()).isEqualTo(c.expected())));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> changeStreamCasesOfTopicRecords() throws Exception {
    List<ChangeStreamCase> cases =
        SPEC.changeStreamCases().stream()
            .filter(c -> c.steps().stream().noneMatch(SnapshotRefresh.class::isInstance))
            .toList();
    List<String> topics = Broker.newTopics("change-stream", cases.size());
    List<List<ProducerRecord<String, byte[]>>> records = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      List<ProducerRecord<String, byte[]>> topic = new ArrayList<>();
      for (StreamStep step : cases.get(i).steps()) {
        StreamRecord record = (StreamRecord) step;
        List<Header> headers = new ArrayList<>();
        record
            .headers()
            .forEach(
                (name, value) ->
                    headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        topic.add(new ProducerRecord<>(topics.get(i), null, record.key(), record.value(), headers));
      }
      records.add(topic);
    }
    List<DynamicTest> tests = new ArrayList<>();
    try (Clients clients = Clients.reading(topics, records)) {
      for (int i = 0; i < cases.size(); i++) {
        ChangeStreamCase c = cases.get(i);
        FlagClient client = clients.get(i);
        Map<String, ExpectedFlag> held =
            client.flags().stream().collect(Collectors.toMap(Flag::name, ExpectedFlag::of));
        Map<String, ExpectedFlag> expected =
            c.expectedFlags().stream().collect(Collectors.toMap(ExpectedFlag::name, f -> f));
        long revision = client.revision();
        Map<StreamEvaluation, Outcome> evaluations = new LinkedHashMap<>();
        for (StreamEvaluation e : c.evaluations()) {
          evaluations.put(e, outcome(client.evaluate(e.flagName(), e.userId())));
        }
        tests.add(
            dynamicTest(
                c.id() + ": " + c.description(),
                () -> {
                  assertThat(held).as("flags held").isEqualTo(expected);
                  assertThat(revision).as("revision held").isEqualTo(c.expectedRevision());
                  evaluations.forEach(
                      (e, actual) ->
                          assertThat(actual)
                              .as("%s for user %s", e.flagName(), e.userId())
                              .isEqualTo(e.expected()));
                }));
      }
    }
    return tests.stream();
  }

  private static Outcome outcome(FlagEvaluation evaluation) {
    return new Outcome(
        evaluation.value(),
        evaluation.reason().name(),
        evaluation.bucket() == Evaluation.NO_BUCKET ? null : evaluation.bucket());
  }

  /** One client per topic, each started once its topic holds all its records, and caught up. */
  private static final class Clients implements AutoCloseable {
    private final List<FlagClient> clients = new ArrayList<>();

    static Clients reading(List<String> topics, List<List<ProducerRecord<String, byte[]>>> records)
        throws Exception {
      try (Producer<String, byte[]> producer = Broker.producer()) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(topic -> topic.forEach(record -> sent.add(producer.send(record))));
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
          each.get(Broker.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
      }
      Clients clients = new Clients();
      List<CountDownLatch> caughtUp = new ArrayList<>();
      for (String topic : topics) {
        FlagClient client =
            FlagClient.builder()
                .kafka(Broker.bootstrapServers())
                .topic(topic)
                // Only catching up ends STARTING within the wait: not a start-up timeout.
                .startupTimeout(Duration.ofMinutes(5))
                .build();
        clients.clients.add(client);
        CountDownLatch latch = new CountDownLatch(1);
        client.onStatus(status -> latch.countDown());
        if (client.status() != ClientStatus.STARTING) {
          latch.countDown();
        }
        caughtUp.add(latch);
      }
      for (int i = 0; i < topics.size(); i++) {
        assertThat(caughtUp.get(i).await(Broker.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .as("the client of %s caught up", topics.get(i))
            .isTrue();
      }
      return clients;
    }

    FlagClient get(int index) {
      return clients.get(index);
    }

    @Override
    public void close() {
      clients.forEach(FlagClient::close);
    }
  }
}
