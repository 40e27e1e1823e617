package dev.flagstream.evaluator.store;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Ready once the store has read the whole flag topic. A stale store still serves its last values
 * and stays up, with the status in the details; one that never read the topic is out of service.
 */
@Component("store")
final class StoreHealthIndicator extends AbstractHealthIndicator {
  private final FlagClient flags;
  private final StoreState state;

  StoreHealthIndicator(FlagClient flags, StoreState state) {
    super("Could not read the store status");
    this.flags = flags;
    this.state = state;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    ClientStatus status = flags.status();
    boolean serving = status == ClientStatus.READY || status == ClientStatus.STALE;
    (serving ? health.up() : health.outOfService())
        .withDetail("status", status.name())
        .withDetail("flags", flags.flags().size())
        .withDetail("revision", flags.revision())
        .withDetail("digest", state.digest())
        .withDetail("dataAgeSeconds", flags.dataAge().toSeconds());
  }
}
