package dev.flagstream.admin.cdc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Change data capture settings, under {@code flags.cdc}.
 *
 * @param enabled whether this replica takes part in capturing changes at all
 * @param slotName the PostgreSQL replication slot; one per deployment
 * @param publicationName the PostgreSQL publication, created on first start for the flag table
 * @param pollInterval how long the engine waits for more changes before handing a batch over;
 *     Debezium's default of 500 ms would add that much latency to every change
 * @param heartbeatInterval how often the engine writes a heartbeat, so the slot advances and
 *     PostgreSQL can recycle write-ahead log while no flag changes
 * @param leaderRetryInterval how often a standby replica tries to become the capturing one
 * @param publishTimeout how long a batch may wait for Kafka's acknowledgement before the engine
 *     gives up and restarts from its last committed position
 * @param maxRestartBackoff the longest pause between restarts of a failing engine
 * @param offsetFlushInterval how often the position of acknowledged changes is stored; after a
 *     crash, up to this much is published again (consumers drop the duplicates). Storing after
 *     every batch (0) costs about 10 ms of latency per change
 */
@ConfigurationProperties("flags.cdc")
public record CdcProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("flagstream") String slotName,
    @DefaultValue("flagstream_flags") String publicationName,
    @DefaultValue("10ms") Duration pollInterval,
    @DefaultValue("10s") Duration heartbeatInterval,
    @DefaultValue("1s") Duration leaderRetryInterval,
    @DefaultValue("30s") Duration publishTimeout,
    @DefaultValue("30s") Duration maxRestartBackoff,
    @DefaultValue("1s") Duration offsetFlushInterval) {}
