package dev.flagstream.admin.cdc;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Change data capture settings, under {@code flags.cdc}.
 *
 * @param enabled whether this replica takes part in capturing changes at all
 * @param slotName the PostgreSQL replication slot; one per deployment
 * @param publicationName the PostgreSQL publication, created on first start for the flag table
 * @param username the database role capture connects as: it needs {@code REPLICATION}, which the
 *     role serving the API then need not have; the datasource's when not set
 * @param password that role's password; the datasource's when not set
 * @param pollInterval how long the engine waits for more changes before handing a batch over;
 *     Debezium's default of 500 ms would add that much latency to every change
 * @param heartbeatInterval how often the engine writes a heartbeat, which advances the slot while
 *     no flag changes and reaches the topic as a sign of life for consumers
 * @param leaderRetryInterval how often a standby replica tries to become the capturing one
 * @param lockTimeout how long the database keeps the capture lock of a leader that has gone silent
 *     (dead host, partition, frozen process) before another replica may take over; also bounds how
 *     long a leader waits on a silent database before it stops publishing
 * @param failuresBeforeHandover consecutive failed engine runs after which a leader gives the lock
 *     up, so that a healthy replica can take over when the fault is this replica's own
 * @param handoverPause how long a replica that gave the lock up waits before it tries again
 * @param publishTimeout how long a change may wait for Kafka's acknowledgement before the capture
 *     gives up and restarts from its last stored position
 * @param maxRestartBackoff the longest pause between restarts of a failing engine
 * @param offsetFlushInterval how often the position of acknowledged changes is stored; after a
 *     crash, up to this much is published again (consumers drop the duplicates). Storing after
 *     every batch (0) costs about 10 ms of latency per change
 * @param slotCheckInterval how often every replica measures the replication slot's lag, whether or
 *     not it captures
 * @param maxBatchSize the most changes the engine hands over at once; each is sent to Kafka when
 *     handed over, without waiting for the acknowledgement of the one before. The engine hands a
 *     batch over only when it is full or when {@code pollInterval} has passed: 1 hands each change
 *     over the moment it is read, about 7 ms sooner at the median, but the engine's work per batch
 *     then comes with every change, and on two cores shared with PostgreSQL and Kafka the capture
 *     fell behind at 250 writes a second (docs/BENCHMARKS.md)
 */
@ConfigurationProperties("flags.cdc")
public record CdcProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("flagstream") String slotName,
    @DefaultValue("flagstream_flags") String publicationName,
    @Nullable String username,
    @Nullable String password,
    @DefaultValue("10ms") Duration pollInterval,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("1s") Duration leaderRetryInterval,
    @DefaultValue("10s") Duration lockTimeout,
    @DefaultValue("3") int failuresBeforeHandover,
    @DefaultValue("60s") Duration handoverPause,
    @DefaultValue("30s") Duration publishTimeout,
    @DefaultValue("30s") Duration maxRestartBackoff,
    @DefaultValue("1s") Duration offsetFlushInterval,
    @DefaultValue("10s") Duration slotCheckInterval,
    @DefaultValue("2048") int maxBatchSize) {

  public CdcProperties {
    if (lockTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("flags.cdc.lock-timeout must be at least 2s");
    }
    if (failuresBeforeHandover < 1) {
      throw new IllegalArgumentException("flags.cdc.failures-before-handover must be at least 1");
    }
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("flags.cdc.max-batch-size must be at least 1");
    }
    if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
      throw new IllegalArgumentException("flags.cdc.heartbeat-interval must be positive");
    }
  }
}
