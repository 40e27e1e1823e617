package dev.flagstream.evaluator.store;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.EncodedFlag;
import dev.flagstream.contracts.snapshot.EncodedSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the store holds, summed up: the digest of all flags (so two evaluators at the same revision
 * can be compared), the snapshot it serves, and the metrics of the store: its size, revision,
 * digest, data age, and how long changes took from commit to being applied here.
 */
@Component
public final class StoreState {
  private final FlagClient flags;
  // The flags as last encoded; a flag the store still holds, the same object, keeps its encoding.
  private Encoded lastEncoded = Encoded.NONE;
  // Changes read while catching up at start are history, not propagation: not timed.
  private volatile boolean caughtUp;
  private final Timer propagation;
  private final Clock clock;

  StoreState(FlagClient flags, MeterRegistry meters, Clock clock) {
    this.flags = flags;
    this.clock = clock;
    this.propagation =
        Timer.builder("flagstream.store.propagation")
            .description(
                "From a change's commit to its application in this evaluator, once caught up")
            .publishPercentileHistogram()
            .register(meters);
    Gauge.builder("flagstream.store.flags", flags, f -> f.flags().size())
        .description("Flags held")
        .register(meters);
    Gauge.builder("flagstream.store.revision", flags, FlagClient::revision)
        .description("Highest change-stream revision applied")
        .register(meters);
    Gauge.builder("flagstream.store.digest", this, StoreState::digestNumber)
        .description("The first 48 bits of the digest of all flags; equal on evaluators that agree")
        .register(meters);
    Gauge.builder("flagstream.store.data.age", flags, f -> f.dataAge().toMillis() / 1000.0)
        .baseUnit("seconds")
        .description("How long ago the flags were last known to be current")
        .register(meters);
    flags.onStatus(
        status -> {
          if (status == ClientStatus.READY) {
            caughtUp = true;
          }
        });
    caughtUp |= flags.status() == ClientStatus.READY;
    flags.onChange(this::changed);
  }

  private void changed(FlagChanged change) {
    Instant committedAt = change.committedAt();
    if (caughtUp && committedAt != null) {
      Duration took = Duration.between(committedAt, clock.instant());
      if (!took.isNegative()) { // a commit "in the future" is clock skew, not a measurement
        propagation.record(took);
      }
    }
  }

  /** The digest of every flag held now. */
  public String digest() {
    return encodedFlags().digest();
  }

  /**
   * Every flag held now, encoded for snapshots: only flags that changed since the last call are
   * encoded again, so that serving many snapshots of many flags costs a digest, not encoding them
   * all each time.
   */
  public synchronized EncodedSnapshot encodedFlags() {
    Encoded previous = lastEncoded;
    Collection<Flag> held = flags.flags();
    if (previous.holdsExactly(held)) {
      return previous.snapshot();
    }
    Map<String, Kept> kept = new HashMap<>(held.size() * 4 / 3 + 1);
    for (Flag flag : held) {
      Kept before = previous.kept().get(flag.name());
      kept.put(
          flag.name(),
          before != null && before.flag() == flag ? before : new Kept(flag, EncodedFlag.of(flag)));
    }
    lastEncoded =
        new Encoded(kept, EncodedSnapshot.of(kept.values().stream().map(Kept::encoded).toList()));
    return lastEncoded.snapshot();
  }

  /**
   * All flags with the revision, as the snapshot endpoint serves them; fresh as of now minus the
   * store's data age, so that a client refreshed from it counts its data no fresher.
   */
  public byte[] snapshotJson(EncodedSnapshot encoded) {
    Instant now = clock.instant();
    return encoded.toJson(flags.revision(), now, now.minus(flags.dataAge()));
  }

  private record Kept(Flag flag, EncodedFlag encoded) {}

  private record Encoded(Map<String, Kept> kept, EncodedSnapshot snapshot) {
    static final Encoded NONE = new Encoded(Map.of(), EncodedSnapshot.of(List.of()));

    /** Whether {@code flags} are the very objects encoded, no more, no fewer. */
    boolean holdsExactly(Collection<Flag> flags) {
      if (flags.size() != kept.size()) {
        return false;
      }
      for (Flag flag : flags) {
        Kept encoded = kept.get(flag.name());
        if (encoded == null || encoded.flag() != flag) {
          return false;
        }
      }
      return true;
    }
  }

  private double digestNumber() {
    return Long.parseLong(digest().substring(0, 12), 16);
  }
}
