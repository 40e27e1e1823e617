package dev.flagstream.admin.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What must be published before streaming so that the topic ends equal to the database. Pure.
 *
 * <ul>
 *   <li><b>Ghosts</b>: a flag the topic still has but the database does not (deleted while the
 *       replication slot was lost or invalidated, or lost by a restore) gets a DELETE and a
 *       tombstone at the version consumers hold, which supersedes it there.
 *   <li><b>Regression</b>: when the topic holds a version the database's sequence has not issued (a
 *       restore to an earlier point, a failover to a standby that lacked the last commits), or a
 *       flag at a version the database's row does not exceed, consumers would ignore the database's
 *       changes for as long as they are not newer than what they hold. Then the sequence moves past
 *       the topic's highest version and every flag row takes a new version, all in one transaction,
 *       so that every flag is published again above anything consumers hold. The same cures a
 *       compacted topic whose last record of a flag is older than one before it, which a consumer
 *       starting later would take for current.
 * </ul>
 *
 * @param ghosts flags to delete on the topic, with the version consumers hold of each
 * @param regression why every flag must take a new version, or an empty list when none must
 * @param sequenceFloor the version the sequence must at least have issued before re-versioning
 */
record Reconciliation(Map<String, Long> ghosts, List<String> regression, long sequenceFloor) {
  Reconciliation {
    ghosts = Map.copyOf(ghosts);
    regression = List.copyOf(regression);
  }

  boolean needsReversion() {
    return !regression.isEmpty();
  }

  boolean isEmpty() {
    return ghosts.isEmpty() && regression.isEmpty();
  }

  /**
   * @param topic what the topic says
   * @param database each flag's version in the database
   * @param sequenceIssued the highest version the database's sequence has issued
   */
  static Reconciliation of(TopicContents topic, Map<String, Long> database, long sequenceIssued) {
    Map<String, Long> ghosts = new TreeMap<>();
    TreeSet<String> stale = new TreeSet<>();
    topic
        .held()
        .forEach(
            (name, held) -> {
              // Whatever is held was the last record of its key, or came before it.
              TopicContents.State last = Objects.requireNonNull(topic.last().get(name));
              Long version = database.get(name);
              if (version == null) {
                boolean settled =
                    held.deleted() && last.deleted() && last.version() == held.version();
                if (!settled) {
                  ghosts.put(name, held.version());
                }
              } else if (version < held.version()
                  || (version == held.version() && held.deleted())
                  || last.version() < held.version()) {
                stale.add(name);
              }
            });
    List<String> regression = new ArrayList<>();
    if (topic.highestVersion() > sequenceIssued) {
      regression.add(
          "the topic holds version "
              + topic.highestVersion()
              + " but the database's sequence has issued only up to "
              + sequenceIssued);
    }
    if (!stale.isEmpty()) {
      regression.add(
          stale.size()
              + " flag(s) are held on the topic at a version their database row does not exceed,"
              + " e.g. "
              + stale.first());
    }
    return new Reconciliation(ghosts, regression, topic.highestVersion());
  }
}
