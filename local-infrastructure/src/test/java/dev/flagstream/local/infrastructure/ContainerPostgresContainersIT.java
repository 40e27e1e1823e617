package dev.flagstream.local.infrastructure;

/**
 * The kit on PostgreSQL in a container. Runs only with -Dflagstream.infrastructure=containers,
 * which needs Docker (CI's Testcontainers job); a *ContainersIT is left out otherwise.
 */
class ContainerPostgresContainersIT extends PostgresServerKit {
  @Override
  PostgresServer start() {
    return ContainerPostgres.start();
  }
}
