package dev.flagstream.contracts.tck;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.change.FlagTopic;
import dev.flagstream.contracts.change.InvalidChangeEventException;
import dev.flagstream.contracts.change.VersionedFlagSet;
import dev.flagstream.contracts.evaluation.FlagEvaluator;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.tck.ConformanceSpec.Outcome;
import dev.flagstream.contracts.tck.ConformanceSpec.StreamRecord;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contracts' own evaluator and {@link VersionedFlagSet} pass the whole suite; this adapter is
 * the reference way to turn a topic record into calls on the set. The kit asserts every case of the
 * suite against the hooks below.
 */
class ReferenceConformanceTest extends ConformanceKit {

  @Override
  protected Outcome evaluate(Map<String, Flag> flags, String flagName, @Nullable String userId) {
    return Outcome.of(FlagEvaluator.evaluate(flags.get(flagName), userId));
  }

  @Override
  protected StreamConsumer newConsumer() {
    VersionedFlagSet flags = new VersionedFlagSet();
    return new StreamConsumer() {
      @Override
      public void accept(StreamRecord record) {
        if (FlagTopic.HEARTBEAT_KEY.equals(record.key())) {
          if (record.value() != null) {
            readable(() -> flags.applyHeartbeat(FlagChangeJson.heartbeatFromBytes(record.value())));
          }
        } else if (record.value() == null) {
          String version = record.headers().get(FlagTopic.TOMBSTONE_VERSION_HEADER);
          if (version == null) {
            flags.applyTombstone(record.key(), null);
          } else if (version.matches("[0-9]{1,18}")) {
            flags.applyTombstone(record.key(), Long.valueOf(version));
          }
        } else {
          readable(
              () -> {
                FlagChangeEvent event = FlagChangeJson.fromBytes(record.value());
                if (event.name().equals(record.key())) {
                  flags.apply(event);
                }
              });
        }
      }

      @Override
      public SnapshotRequest requestSnapshot() {
        long requestedAt = flags.mark();
        return snapshot -> flags.reconcile(snapshot, requestedAt);
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
        return Outcome.of(FlagEvaluator.evaluate(flags.get(flagName), userId));
      }
    };
  }

  /** Runs {@code read}, skipping a record that is not a valid event or heartbeat. */
  private static void readable(Runnable read) {
    try {
      read.run();
    } catch (InvalidChangeEventException unreadable) {
      // a consumer skips what it cannot read
    }
  }
}
