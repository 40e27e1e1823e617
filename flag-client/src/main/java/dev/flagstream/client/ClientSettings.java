package dev.flagstream.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the builder collected.
 *
 * @param clock the wall clock, to age snapshots by their {@code freshAt}
 * @param ticker monotonic nanoseconds: every timer, status and data age of the client
 */
record ClientSettings(
    @Nullable String bootstrapServers,
    String topic,
    Map<String, Object> kafkaProperties,
    @Nullable URI snapshotEndpoint,
    @Nullable String snapshotKey,
    Duration refreshInterval,
    Duration staleRefreshInterval,
    Duration startupTimeout,
    Clock clock,
    LongSupplier ticker) {}
