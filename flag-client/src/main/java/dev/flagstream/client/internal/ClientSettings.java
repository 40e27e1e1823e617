package dev.flagstream.client.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the builder collected. */
public record ClientSettings(
    @Nullable String bootstrapServers,
    String topic,
    Map<String, Object> kafkaProperties,
    @Nullable URI snapshotEndpoint,
    @Nullable String snapshotKey,
    Duration refreshInterval,
    Duration startupTimeout,
    Clock clock) {}
