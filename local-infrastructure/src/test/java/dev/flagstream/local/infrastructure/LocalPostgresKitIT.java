package dev.flagstream.local.infrastructure;

/** The kit on the default infrastructure: PostgreSQL from Maven artifacts. */
class LocalPostgresKitIT extends PostgresServerKit {
  @Override
  PostgresServer start() {
    return LocalPostgres.startTemporary();
  }
}
