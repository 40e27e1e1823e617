package dev.flagstream.evaluator.store;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the store holds, summed up: the digest of all flags (so two evaluators at the same revision
 * can be compared), the snapshot it serves, and the metrics of the store: its size, revision,
 * digest, data age, and how long changes took from commit to being applied here.
 */
@Component
public final class StoreState {
  private final FlagClient flags;
  // Recomputed lazily: set dirty by every change, also those before this listener existed.
  private volatile String digest = "";
  private volatile boolean dirty = true;
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
    dirty = true;
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
    if (dirty) {
      dirty = false;
      digest = FlagSnapshot.digestOf(flags.flags());
    }
    return digest;
  }

  /**
   * All flags with the revision and digest, as the snapshot endpoint serves them; fresh as of now
   * minus the store's data age, so that a client refreshed from it counts its data no fresher.
   */
  public FlagSnapshot snapshot() {
    Instant now = clock.instant();
    return FlagSnapshot.of(flags.flags(), flags.revision(), now, now.minus(flags.dataAge()));
  }

  private double digestNumber() {
    return Long.parseLong(digest().substring(0, 12), 16);
  }
}
