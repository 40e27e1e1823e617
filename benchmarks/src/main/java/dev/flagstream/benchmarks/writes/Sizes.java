package dev.flagstream.benchmarks.writes;

import dev.flagstream.local.platform.LocalPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the platform's stores hold: PostgreSQL's database and its largest tables, the WAL its
 * capture slot still holds, and the flag topic on the broker's disk with the records ever written
 * to it (a compacted topic keeps fewer than that once its segments are cleaned).
 *
 * @param databaseBytes {@code pg_database_size}
 * @param tables the largest tables: name, bytes with indexes and TOAST, live rows
 * @param slotRetainedBytes WAL kept for the capture's replication slot
 * @param topicBytes the flag topic's partitions on disk, summed
 * @param topicRecordsWritten the sum of its partitions' end offsets
 */
record Sizes(
    long databaseBytes,
    List<Table> tables,
    long slotRetainedBytes,
    long topicBytes,
    long topicRecordsWritten) {

  record Table(String name, long bytes, long rows) {}

  static Sizes read(LocalPlatform platform) throws Exception {
    long database;
    List<Table> tables = new ArrayList<>();
    long slot;
    try (Connection db =
            DriverManager.getConnection(
                platform.postgres().jdbcUrl(), platform.postgres().user(), "");
        Statement sql = db.createStatement()) {
      database = single(sql, "select pg_database_size(current_database())");
      try (ResultSet rows =
          sql.executeQuery(
              "select relname, pg_total_relation_size(relid), n_live_tup"
                  + " from pg_stat_user_tables order by 2 desc limit 4")) {
        while (rows.next()) {
          tables.add(new Table(rows.getString(1), rows.getLong(2), rows.getLong(3)));
        }
      }
      slot =
          single(
              sql,
              "select coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0)::bigint"
                  + " from pg_replication_slots");
    }
    try (Admin kafka = Admin.create(kafkaSettings(platform))) {
      return new Sizes(
          database, tables, slot, topicBytes(kafka), recordsWritten(kafka, LocalPlatform.TOPIC));
    }
  }

  /** Waits until the topic holds at least {@code records} records: the capture caught up. */
  static long awaitRecords(LocalPlatform platform, long records, long patienceMillis)
      throws Exception {
    try (Admin kafka = Admin.create(kafkaSettings(platform))) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
      long written;
      while ((written = recordsWritten(kafka, LocalPlatform.TOPIC)) < records) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "The flag topic holds " + written + " records, awaited " + records);
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
      return written;
    }
  }

  private static Map<String, Object> kafkaSettings(LocalPlatform platform) {
    Map<String, Object> settings = new HashMap<>(platform.kafka().superUserProperties());
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
    return settings;
  }

  private static long single(Statement sql, String query) throws SQLException {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static long topicBytes(Admin kafka)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<Integer> brokers =
        kafka.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
            .map(node -> node.id())
            .collect(Collectors.toSet());
    long bytes = 0;
    Map<Integer, Map<String, LogDirDescription>> dirs =
        kafka.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS);
    for (Map<String, LogDirDescription> broker : dirs.values()) {
      for (LogDirDescription dir : broker.values()) {
        for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
          if (replica.getKey().topic().equals(LocalPlatform.TOPIC)) {
            bytes += replica.getValue().size();
          }
        }
      }
    }
    return bytes;
  }

  private static long recordsWritten(Admin kafka, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    TopicDescription described =
        kafka.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    described
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(offset -> offset.offset())
        .sum();
  }
}
