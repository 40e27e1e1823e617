package dev.flagstream.admin.flag;

import dev.flagstream.contracts.snapshot.EncodedFlag;
import dev.flagstream.contracts.snapshot.EncodedSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's snapshot of every flag, kept encoded and brought up to date by what changed. Each
 * request reads the name and row version of every flag (PostgreSQL's {@code xmin}, which every
 * insert and update renews, whoever writes: this service, another instance, a hand-written
 * statement); when they are those of the snapshot held, it is served as it is; otherwise only the
 * rows that are new or changed are read and encoded again. With 100,000 flags that is the
 * difference between reading and writing 30 MB for each evaluator's refresh and reading their
 * names.
 *
 * <p>A row version repeats only after four billion transactions, so equal versions mean equal rows.
 * The listing and the rows it leads to are read in one repeatable-read transaction, so a snapshot
 * is always one committed state of the table. Holds about twice the size of the snapshot.
 */
@Component
class SnapshotCache {
  /** Above this many changed rows, reading the whole table is cheaper than naming them. */
  private static final int NAMED_READ_LIMIT = 1_000;

  private final FlagRepository flags;
  private final TransactionTemplate consistentRead;
  private Held held = Held.EMPTY;

  SnapshotCache(FlagRepository flags, PlatformTransactionManager transactions) {
    this.flags = flags;
    this.consistentRead = new TransactionTemplate(transactions);
    consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    consistentRead.setReadOnly(true);
  }

  /** Every flag as the table holds it now. */
  synchronized EncodedSnapshot current() {
    // One listing a request, in the transaction that reads whatever it says changed.
    Held current = Objects.requireNonNull(consistentRead.execute(status -> update(held)));
    held = current;
    return current.snapshot();
  }

  private Held update(Held previous) {
    Map<String, Long> rowVersions = flags.rowVersions();
    if (rowVersions.equals(previous.rowVersions())) {
      return previous;
    }
    List<String> changed =
        rowVersions.entrySet().stream()
            .filter(row -> !row.getValue().equals(previous.rowVersions().get(row.getKey())))
            .map(Map.Entry::getKey)
            .toList();
    Map<String, EncodedFlag> encoded = new HashMap<>(previous.encoded());
    encoded.keySet().retainAll(rowVersions.keySet());
    flags.read(
        changed.size() > NAMED_READ_LIMIT ? null : changed,
        flag -> encoded.put(flag.name(), EncodedFlag.of(flag)));
    return new Held(rowVersions, encoded, EncodedSnapshot.of(encoded.values()));
  }

  /** The snapshot held, with the row version and encoding of each of its flags; never changed. */
  private record Held(
      Map<String, Long> rowVersions, Map<String, EncodedFlag> encoded, EncodedSnapshot snapshot) {
    static final Held EMPTY = new Held(Map.of(), Map.of(), EncodedSnapshot.of(List.of()));
  }

  @Override
  public synchronized String toString() {
    return "SnapshotCache[" + held.snapshot().size() + " flags]";
  }
}
