package dev.flagstream.admin.flag;

import dev.flagstream.contracts.snapshot.EncodedFlag;
import dev.flagstream.contracts.snapshot.EncodedSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's snapshot of every flag, kept encoded and brought up to date by what changed, whoever
 * changed it: this service, another instance, a hand-written statement.
 *
 * <p>Each request counts the flags and takes the transaction snapshot of a repeatable-read
 * transaction ({@link TableState}). Every row a transaction older than the previous request's
 * oldest running one wrote was seen by that request as it is; so only rows whose {@code xmin} is no
 * older than that are read and encoded again (inserts, updates, and writes still running then,
 * savepoints included). Deletions show in the count: when fewer flags are held than the previous
 * ones plus the new names, the names are listed once. With 100,000 flags and nothing changed, a
 * request scans the table in the database and reads out nothing, instead of reading and writing 30
 * MB for each evaluator's refresh; after a change it reads out the changed rows alone.
 *
 * <p>Another database server, or transaction ids that wrapped around, read the table whole. The
 * state and the rows are read in one transaction, so a snapshot is always one committed state of
 * the table. Holds about twice the size of the snapshot.
 */
@Component
class SnapshotCache {
  private final FlagRepository flags;
  private final TransactionTemplate consistentRead;
  private @Nullable Held held;

  SnapshotCache(FlagRepository flags, PlatformTransactionManager transactions) {
    this.flags = flags;
    this.consistentRead = new TransactionTemplate(transactions);
    consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    consistentRead.setReadOnly(true);
  }

  /** Every flag as the table holds it now. */
  synchronized EncodedSnapshot current() {
    Held current = Objects.requireNonNull(consistentRead.execute(status -> update(held)));
    held = current;
    return current.snapshot();
  }

  private Held update(@Nullable Held previous) {
    // The first statement: its snapshot is the transaction's, which every read below sees.
    TableState state = flags.state();
    if (previous == null || !previous.state().comparableWith(state)) {
      return readAll(state);
    }
    Map<String, EncodedFlag> written = new HashMap<>();
    flags.readWrittenSince(
        previous.state(), flag -> written.put(flag.name(), EncodedFlag.of(flag)));
    long added = written.keySet().stream().filter(name -> !previous.has(name)).count();
    long deleted = previous.encoded().size() + added - state.flags();
    if (deleted < 0) {
      // Cannot be, unless rows came back unseen: trust nothing held.
      return readAll(state);
    }
    if (written.isEmpty() && deleted == 0) {
      return new Held(state, previous.encoded(), previous.snapshot());
    }
    Map<String, EncodedFlag> encoded = new HashMap<>(previous.encoded());
    encoded.putAll(written);
    if (deleted > 0) {
      encoded.keySet().retainAll(flags.names());
    }
    return new Held(state, encoded, EncodedSnapshot.of(encoded.values()));
  }

  private Held readAll(TableState state) {
    Map<String, EncodedFlag> encoded = new HashMap<>();
    flags.readAll(flag -> encoded.put(flag.name(), EncodedFlag.of(flag)));
    return new Held(state, encoded, EncodedSnapshot.of(encoded.values()));
  }

  /** The snapshot held, the state it was read in and the encoding of each flag; never changed. */
  private record Held(
      TableState state, Map<String, EncodedFlag> encoded, EncodedSnapshot snapshot) {
    boolean has(String name) {
      return encoded.containsKey(name);
    }
  }

  @Override
  public synchronized String toString() {
    return "SnapshotCache[" + (held == null ? 0 : held.snapshot().size()) + " flags]";
  }
}
