package dev.flagstream.contracts.spec;

import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.VersionedFlagSet;
import dev.flagstream.contracts.evaluation.Bucket;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.spec.ConformanceSpec.Outcome;
import dev.flagstream.contracts.spec.ConformanceSpec.StreamRecord;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contracts' own evaluator and {@link VersionedFlagSet} pass the whole suite. The kit asserts
 * every case of the suite against the hooks below.
 */
class ReferenceConformanceTest extends ConformanceKit {

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    return outcome(FlagEvaluator.evaluate(flags.get(flagName), userId));
  }

  @Override
  protected int bucket(String flagName, String userId) {
    return Bucket.of(flagName, userId);
  }

  @Override
  protected StreamConsumer newConsumer() {
    VersionedFlagSet flags = new VersionedFlagSet();
    return new StreamConsumer() {
      @Override
      public void accept(StreamRecord record) {
        if (record.value() == null) {
          String version = record.headers().get(FlagTopic.TOMBSTONE_VERSION_HEADER);
          flags.applyTombstone(record.key(), version == null ? null : Long.valueOf(version));
        } else {
          flags.apply(FlagChangeJson.fromBytes(record.value()));
        }
      }

      @Override
      public Map<String, Flag> flags() {
        return flags.flags();
      }

      @Override
      public long revision() {
        return flags.revision();
      }

      @Override
      public Outcome evaluate(String flagName, @Nullable String userId) {
        return outcome(FlagEvaluator.evaluate(flags.get(flagName), userId));
      }
    };
  }

  static Outcome outcome(Evaluation evaluation) {
    return new Outcome(
        evaluation.value(),
        evaluation.reason().name(),
        evaluation.hasBucket() ? evaluation.bucket() : null);
  }
}
