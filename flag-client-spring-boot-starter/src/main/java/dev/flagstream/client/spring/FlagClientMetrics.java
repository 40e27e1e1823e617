package dev.flagstream.client.spring;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.FlagClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The client's metrics: {@code flagstream.client.data.age} (seconds), {@code
 * flagstream.client.revision}, {@code flagstream.client.flags}, {@code flagstream.client.status} (1
 * for the current status, by tag), {@code flagstream.client.propagation.lag} (from a change's
 * commit to the client holding it) and, for the starter's own client, {@code
 * flagstream.client.evaluations} by {@code flag} and {@code value}.
 */
final class FlagClientMetrics implements MeterBinder {
  private final FlagClient client;
  private final @Nullable EvaluationCounts counts;
  private final Clock clock;

  FlagClientMetrics(FlagClient client, Clock clock) {
    this.client = client;
    this.counts = client instanceof CountingFlagClient counting ? counting.counts() : null;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("flagstream.client.data.age", client, c -> c.dataAge().toMillis() / 1000.0)
        .description("How long ago the flags were last known to be current")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("flagstream.client.revision", client, FlagClient::revision)
        .description("The highest change-stream revision applied")
        .register(registry);
    Gauge.builder("flagstream.client.flags", client, c -> c.flags().size())
        .description("How many flags the client holds")
        .register(registry);
    for (ClientStatus status : ClientStatus.values()) {
      Gauge.builder("flagstream.client.status", client, c -> c.status() == status ? 1 : 0)
          .description("1 for the client's current status, 0 for the others")
          .tag("status", status.name())
          .register(registry);
    }
    Timer lag =
        Timer.builder("flagstream.client.propagation.lag")
            .description("From a change's commit to the client holding it")
            .register(registry);
    client.onChange(change -> recordLag(lag, change));
    if (counts != null) {
      counts.forEachFlag((flag, counters) -> evaluations(registry, flag, counters));
    }
  }

  private void recordLag(Timer lag, FlagChanged change) {
    Instant committedAt = change.committedAt();
    if (committedAt != null) {
      Duration elapsed = Duration.between(committedAt, clock.instant());
      lag.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
  }

  private static void evaluations(MeterRegistry registry, String flag, LongAdder[] counters) {
    for (int value = 0; value < 2; value++) {
      FunctionCounter.builder("flagstream.client.evaluations", counters[value], LongAdder::sum)
          .description("Evaluations by flag and value; flags beyond the cap as flag=other")
          .tag("flag", flag)
          .tag("value", value == 1 ? "true" : "false")
          .register(registry);
    }
  }
}
