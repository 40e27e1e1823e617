package dev.flagstream.client.spring;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.spring.FlagstreamClientProperties.StaleHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** The {@code flagstream} health on Spring Boot 3. */
final class Boot3HealthIndicator implements HealthIndicator {
  private final FlagClient client;
  private final StaleHealth stale;

  Boot3HealthIndicator(FlagClient client, StaleHealth stale) {
    this.client = client;
    this.stale = stale;
  }

  @Override
  public Health health() {
    HealthReport report = HealthReport.of(client, stale);
    return Health.status(new Status(report.status())).withDetails(report.details()).build();
  }
}
