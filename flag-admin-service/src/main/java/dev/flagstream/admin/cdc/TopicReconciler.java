package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagChangeEvent;
import dev.flagstream.contracts.change.FlagChangeJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the flag topic level with the database at the start of a capture, before streaming: see
 * {@link Reconciliation}. Reads and re-versions through the application's own connections, as
 * re-versioning writes flags.
 */
final class TopicReconciler {
  private static final Logger log = LoggerFactory.getLogger(TopicReconciler.class);

  private final DataSource dataSource;
  private final CaptureMetrics metrics;
  private final Clock clock;

  TopicReconciler(DataSource dataSource, CaptureMetrics metrics, Clock clock) {
    this.dataSource = dataSource;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Compares {@code topic} with the database and publishes or re-versions what differs. */
  Reconciliation reconcile(TopicContents topic, FlagTopicPublisher publisher) throws SQLException {
    Map<String, Long> database = new HashMap<>();
    long sequenceIssued;
    try (Connection connection = dataSource.getConnection();
        Statement query = connection.createStatement()) {
      try (ResultSet rows = query.executeQuery("SELECT name, version FROM feature_flags")) {
        while (rows.next()) {
          database.put(rows.getString(1), rows.getLong(2));
        }
      }
      try (ResultSet row =
          query.executeQuery("SELECT COALESCE(pg_sequence_last_value('flag_version_seq'), 0)")) {
        row.next();
        sequenceIssued = row.getLong(1);
      }
    }
    Reconciliation plan = Reconciliation.of(topic, database, sequenceIssued);
    if (!plan.ghosts().isEmpty()) {
      publishDeletes(plan.ghosts(), topic.highestRevision(), publisher);
    }
    if (plan.needsReversion()) {
      int rows = reversion(plan.sequenceFloor());
      metrics.versionRegression();
      log.atWarn()
          .setMessage(
              "The flag topic is ahead of the database; every flag now has a new version above it,"
                  + " so consumers take the database's flags again")
          .addKeyValue("event", "cdc.version.regression")
          .addKeyValue("reasons", plan.regression())
          .addKeyValue("topicVersion", topic.highestVersion())
          .addKeyValue("sequenceIssued", sequenceIssued)
          .addKeyValue("reversionedFlags", rows)
          .log();
    }
    return plan;
  }

  private void publishDeletes(
      Map<String, Long> ghosts, long revision, FlagTopicPublisher publisher) {
    Instant now = clock.instant();
    List<TopicRecord> records = new ArrayList<>();
    ghosts.forEach(
        (name, version) -> {
          FlagChangeEvent delete = FlagChangeEvent.delete(name, version, revision, now);
          records.add(new TopicRecord(name, FlagChangeJson.toBytes(delete), version, now));
          records.add(new TopicRecord(name, null, version, now));
        });
    publisher.publish(records);
    metrics.ghostsDeleted(ghosts.size());
    log.atWarn()
        .setMessage("Deleted flags from the topic that the database no longer has")
        .addKeyValue("event", "cdc.ghosts.deleted")
        .addKeyValue("flags", ghosts.keySet())
        .log();
  }

  /** Moves the sequence past {@code floor} and gives every flag row a new version, atomically. */
  private int reversion(long floor) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement advance =
              connection.prepareStatement(
                  "SELECT setval('flag_version_seq',"
                      + " GREATEST(COALESCE(pg_sequence_last_value('flag_version_seq'), 0), ?))");
          Statement update = connection.createStatement()) {
        advance.setLong(1, floor);
        advance.execute();
        // The versioning trigger gives each updated row the sequence's next value.
        int rows = update.executeUpdate("UPDATE feature_flags SET version = version");
        connection.commit();
        return rows;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
