package dev.flagstream.admin.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Ready only when the database has every migration this build knows; down when it cannot be asked
 * (the base class turns the failure into DOWN).
 */
@Component("migrations")
final class MigrationsHealthIndicator extends AbstractHealthIndicator {
  private final Flyway flyway;

  MigrationsHealthIndicator(Flyway flyway) {
    super("Could not read the migration state");
    this.flyway = flyway;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    MigrationInfoService info = flyway.info();
    MigrationInfo[] pending = info.pending();
    MigrationInfo current = info.current();
    (pending.length == 0 ? health.up() : health.outOfService())
        .withDetail("version", current == null ? "none" : current.getVersion().getVersion())
        .withDetail("pending", pending.length);
  }
}
