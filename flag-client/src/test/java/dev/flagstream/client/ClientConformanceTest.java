package dev.flagstream.client;

import dev.flagstream.client.internal.FlagStore;
import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ConformanceKit;
import dev.flagstream.contracts.spec.ConformanceSpec.Outcome;
import dev.flagstream.contracts.spec.ConformanceSpec.StreamRecord;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The client's store applies and evaluates exactly as the conformance suite says. The kit asserts
 * every case of the suite against the hooks below.
 */
class ClientConformanceTest extends ConformanceKit {

  private static Outcome outcome(Evaluation evaluation) {
    return new Outcome(
        evaluation.value(),
        evaluation.reason().name(),
        evaluation.hasBucket() ? evaluation.bucket() : null);
  }

  private static Outcome evaluate(FlagStore store, String name, @Nullable String userId) {
    CompiledFlag compiled = store.get(name);
    return outcome(
        compiled == null ? FlagEvaluator.evaluate(null, userId) : compiled.evaluate(userId));
  }

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    FlagStore store = new FlagStore(System::nanoTime);
    flags.values().forEach(flag -> store.apply(FlagChangeEvent.upsert(flag, 0, Instant.EPOCH)));
    return evaluate(store, flagName, userId);
  }

  @Override
  protected int bucket(String flagName, String userId) {
    return CompiledFlag.of(Flag.builder(flagName).build()).bucket(userId);
  }

  @Override
  protected StreamConsumer newConsumer() {
    FlagStore store = new FlagStore(System::nanoTime);
    return new StreamConsumer() {
      @Override
      public void accept(StreamRecord record) {
        if (record.value() == null) {
          String version = record.headers().get(FlagTopic.TOMBSTONE_VERSION_HEADER);
          store.applyTombstone(record.key(), version == null ? null : Long.valueOf(version));
        } else {
          store.apply(FlagChangeJson.fromBytes(record.value()));
        }
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
