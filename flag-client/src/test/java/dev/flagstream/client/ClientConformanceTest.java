package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.fixtures.Received;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceKit;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The client applies and evaluates exactly as the conformance suite says, through the code that
 * runs in production: every record goes through the handling the topic reader runs for each record
 * it receives ({@link RecordDispatch}), every snapshot through the reconciliation a refresh runs
 * once its snapshot came back, and every evaluation through {@link FlagClient#evaluate}. Only the
 * broker and the snapshot endpoint are left out: the kit hands records and snapshots over itself.
 */
class ClientConformanceTest extends ConformanceKit {

  /** A client without sources, fed by the test, on {@code ticker}. */
  private static StreamingFlagClient client(LongSupplier ticker) {
    return new StreamingFlagClient(
        new ClientSettings(
            null,
            Received.TOPIC,
            Map.of(),
            null,
            null,
            Duration.ofSeconds(60),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Clock.systemUTC(),
            ticker));
  }

  private static Outcome outcome(FlagEvaluation evaluation) {
    return new Outcome(
        evaluation.value(),
        evaluation.reason().name(),
        evaluation.bucket() == Evaluation.NO_BUCKET ? null : evaluation.bucket());
  }

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    try (StreamingFlagClient client = client(System::nanoTime)) {
      long offset = 0;
      for (Flag flag : flags.values()) {
        byte[] upsert = FlagChangeJson.toBytes(FlagChangeEvent.upsert(flag, offset, Instant.EPOCH));
        client.records().dispatch(Received.record(offset++, flag.name(), upsert, Map.of()));
      }
      assertThat(client.flags()).hasSameSizeAs(flags.values());
      return outcome(client.evaluate(flagName, userId));
    }
  }

  @Override
  protected StreamConsumer newConsumer() {
    // The ticker moves on at every call, so what arrives after a snapshot request is newer.
    AtomicLong now = new AtomicLong();
    StreamingFlagClient client = client(now::get);
    return new StreamConsumer() {
      private long offset;

      @Override
      public void accept(StreamRecord record) {
        now.incrementAndGet();
        client
            .records()
            .dispatch(Received.record(offset++, record.key(), record.value(), record.headers()));
      }

      @Override
      public SnapshotRequest requestSnapshot() {
        long requestedAt = now.incrementAndGet();
        return snapshot -> {
          now.incrementAndGet();
          client.reconcile(snapshot, requestedAt);
        };
      }

      @Override
      public Map<String, Flag> flags() {
        return client.flags().stream().collect(Collectors.toMap(Flag::name, flag -> flag));
      }

      @Override
      public long revision() {
        return client.revision();
      }

      @Override
      public Outcome evaluate(String flagName, @Nullable String userId) {
        return outcome(client.evaluate(flagName, userId));
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
