package dev.flagstream.client;

import static java.util.Objects.requireNonNull;

import dev.flagstream.client.internal.ClientSettings;
import dev.flagstream.client.internal.StreamingFlagClient;
import dev.flagstream.contracts.change.FlagTopic;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link FlagClient}. Give it Kafka for instant updates, a snapshot endpoint for the
 * safety net (or as the only source), or both. Not thread-safe.
 */
public final class FlagClientBuilder {
  private @Nullable String bootstrapServers;
  private String topic = FlagTopic.DEFAULT_NAME;
  private final Map<String, Object> kafkaProperties = new HashMap<>();
  private @Nullable URI snapshotEndpoint;
  private @Nullable String snapshotKey;
  private Duration refreshInterval = Duration.ofSeconds(60);
  private Duration startupTimeout = Duration.ofSeconds(10);
  private Clock clock = Clock.systemUTC();

  FlagClientBuilder() {}

  /** Reads the flag topic of this Kafka cluster: every change, the moment it is committed. */
  public FlagClientBuilder kafka(String bootstrapServers) {
    this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers");
    return this;
  }

  /** The flag topic; {@value FlagTopic#DEFAULT_NAME} by default. */
  public FlagClientBuilder topic(String topic) {
    this.topic = requireNonNull(topic, "topic");
    return this;
  }

  /** A Kafka consumer setting, such as {@code security.protocol}, passed through unchanged. */
  public FlagClientBuilder kafkaProperty(String name, Object value) {
    kafkaProperties.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
    return this;
  }

  /** Refreshes from a Flagstream evaluator's snapshot, {@code baseUrl/api/flags/snapshot}. */
  public FlagClientBuilder evaluator(URI baseUrl, String serverKey) {
    return snapshots(baseUrl.resolve("/api/flags/snapshot"), serverKey);
  }

  /** Refreshes from the snapshot served at {@code endpoint}, sending {@code key} as bearer. */
  public FlagClientBuilder snapshots(URI endpoint, String key) {
    this.snapshotEndpoint = requireNonNull(endpoint, "endpoint");
    this.snapshotKey = requireNonNull(key, "key");
    return this;
  }

  /**
   * How often every flag is refreshed from the snapshot, 60 s by default: with Kafka a safety net
   * that repairs whatever the stream missed, without Kafka the pace of updates. A failed refresh
   * keeps the values held.
   */
  public FlagClientBuilder refreshInterval(Duration refreshInterval) {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refreshInterval must be positive");
    }
    this.refreshInterval = refreshInterval;
    return this;
  }

  /**
   * How long the first read of the flags may take before the client reports {@link
   * ClientStatus#ERROR}; it keeps trying either way. 10 s by default.
   */
  public FlagClientBuilder startupTimeout(Duration startupTimeout) {
    this.startupTimeout = requireNonNull(startupTimeout, "startupTimeout");
    return this;
  }

  /** The time source, for tests. */
  public FlagClientBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Starts the client; it reads the flags in the background, so this returns at once.
   *
   * @throws IllegalStateException when neither Kafka nor a snapshot endpoint is configured
   */
  public FlagClient build() {
    if (bootstrapServers == null && snapshotEndpoint == null) {
      throw new IllegalStateException("configure kafka(...), evaluator(...) or snapshots(...)");
    }
    return new StreamingFlagClient(
        new ClientSettings(
            bootstrapServers,
            topic,
            Map.copyOf(kafkaProperties),
            snapshotEndpoint,
            snapshotKey,
            refreshInterval,
            startupTimeout,
            clock));
  }
}
