package dev.flagstream.client;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceKit;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The client's store applies and evaluates exactly as the conformance suite says. Records go
 * through {@link RecordDispatch}, the code the topic reader runs for every record, and snapshots
 * through the store's reconcile, as the refresh does. The kit asserts every case of the suite
 * against the hooks below.
 */
class ClientConformanceTest extends ConformanceKit {

  private static Outcome evaluate(FlagStore store, String name, @Nullable String userId) {
    CompiledFlag compiled = store.get(name);
    return Outcome.of(
        compiled == null ? FlagEvaluator.evaluate(null, userId) : compiled.evaluate(userId));
  }

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    FlagStore store = new FlagStore(System::nanoTime);
    flags.values().forEach(flag -> store.apply(FlagChangeEvent.upsert(flag, 0, Instant.EPOCH)));
    return evaluate(store, flagName, userId);
  }

  @Override
  protected StreamConsumer newConsumer() {
    // The store's clock moves on at every call, so what arrives after a request is newer.
    AtomicLong now = new AtomicLong();
    FlagStore store = new FlagStore(now::get);
    RecordDispatch dispatch = new RecordDispatch(store, change -> {}, heartbeat -> {});
    return new StreamConsumer() {
      @Override
      public void accept(StreamRecord record) {
        now.incrementAndGet();
        dispatch.dispatch(
            record.key(),
            record.value(),
            name -> {
              String header = record.headers().get(name);
              return header == null ? null : header.getBytes(StandardCharsets.US_ASCII);
            },
            () -> "position " + record.position());
      }

      @Override
      public SnapshotRequest requestSnapshot() {
        long requestedAt = now.incrementAndGet();
        return snapshot -> {
          now.incrementAndGet();
          store.reconcile(snapshot, requestedAt);
        };
      }

      @Override
      public Map<String, Flag> flags() {
        return store.flags().stream().collect(Collectors.toMap(Flag::name, flag -> flag));
      }

      @Override
      public long revision() {
        return store.revision();
      }

      @Override
      public Outcome evaluate(String flagName, @Nullable String userId) {
        return ClientConformanceTest.evaluate(store, flagName, userId);
      }
    };
  }
}
