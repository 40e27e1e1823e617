package dev.flagstream.evaluator.store;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * In the liveness group: down once the store has been in {@link ClientStatus#ERROR} (it cannot read
 * its flags and is not getting better) for longer than {@code flags.liveness.error-grace}, so that
 * the orchestrator restarts the evaluator. A stale store is alive: it serves its last values.
 */
@Component("storeReader")
final class ReaderLiveness implements HealthIndicator {
  private final FlagClient flags;
  private final Clock clock;
  private final Duration grace;
  private @Nullable Instant errorSince; // guarded by this

  ReaderLiveness(
      FlagClient flags, Clock clock, @Value("${flags.liveness.error-grace:2m}") Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("flags.liveness.error-grace must not be negative");
    }
    this.flags = flags;
    this.clock = clock;
    this.grace = grace;
    flags.onStatus(this::observe);
  }

  /** Notes when the store entered ERROR; the time it did, or null when it is not in ERROR. */
  private synchronized @Nullable Instant observe(ClientStatus status) {
    if (status != ClientStatus.ERROR) {
      errorSince = null;
    } else if (errorSince == null) {
      errorSince = clock.instant();
    }
    return errorSince;
  }

  @Override
  public Health health() {
    ClientStatus status = flags.status();
    @Nullable Instant since = observe(status);
    if (since == null) {
      return Health.up().withDetail("status", status.name()).build();
    }
    Duration inError = Duration.between(since, clock.instant());
    return (inError.compareTo(grace) > 0 ? Health.down() : Health.up())
        .withDetail("status", status.name())
        .withDetail("errorSeconds", inError.toSeconds())
        .build();
  }
}
