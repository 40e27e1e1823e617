package dev.flagstream.admin.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready only when the database schema has every migration this build knows, and none failed. */
@Component("migrations")
final class MigrationsHealthIndicator implements HealthIndicator {
  private final Flyway flyway;

  MigrationsHealthIndicator(Flyway flyway) {
    this.flyway = flyway;
  }

  @Override
  public Health health() {
    MigrationInfo[] pending = flyway.info().pending();
    MigrationInfo current = flyway.info().current();
    Health.Builder health = pending.length == 0 ? Health.up() : Health.outOfService();
    return health
        .withDetail("version", current == null ? "none" : current.getVersion().getVersion())
        .withDetail("pending", pending.length)
        .build();
  }
}
