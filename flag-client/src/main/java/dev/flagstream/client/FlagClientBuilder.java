package dev.flagstream.client;

import static java.util.Objects.requireNonNull;

import dev.flagstream.contracts.change.FlagTopic;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
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
  private Duration staleRefreshInterval = Duration.ofSeconds(2);
  private Duration startupTimeout = Duration.ofSeconds(10);
  private Clock clock = Clock.systemUTC();
  private LongSupplier ticker = System::nanoTime;

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

  /**
   * A Kafka consumer setting, passed through unchanged: how the client reaches a cluster that
   * requires TLS or SASL, for example {@code security.protocol}, {@code sasl.mechanism}, {@code
   * sasl.jaas.config}, {@code ssl.truststore.location}. The client sets {@code bootstrap.servers},
   * {@code enable.auto.commit} and {@code auto.offset.reset} itself.
   */
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
   * How often every flag is refreshed from the snapshot while the client is {@link
   * ClientStatus#READY}, 60 s by default: with Kafka a safety net that repairs whatever the stream
   * missed, without Kafka the pace of updates. A failed refresh keeps the values held. Each wait
   * varies by up to 20 % either way, so that clients started together do not refresh together.
   *
   * @throws IllegalArgumentException when not positive
   */
  public FlagClientBuilder refreshInterval(Duration refreshInterval) {
    this.refreshInterval = positive(refreshInterval, "refreshInterval");
    return this;
  }

  /**
   * How often the snapshot is refreshed while the client is not {@link ClientStatus#READY} (its
   * stream is down or stalled, or it is still starting, or, without Kafka, the last refresh
   * failed), 2 s by default, with the same variation: so that a change made during a Kafka outage,
   * such as a kill switch, arrives within seconds. Back to {@link #refreshInterval} once READY.
   *
   * @throws IllegalArgumentException when not positive
   */
  public FlagClientBuilder staleRefreshInterval(Duration staleRefreshInterval) {
    this.staleRefreshInterval = positive(staleRefreshInterval, "staleRefreshInterval");
    return this;
  }

  /**
   * How long the first read of the flags may take before the client reports {@link
   * ClientStatus#ERROR} (or {@link ClientStatus#STALE} when a snapshot gave it flags meanwhile); it
   * keeps trying either way. 10 s by default.
   *
   * @throws IllegalArgumentException when negative
   */
  public FlagClientBuilder startupTimeout(Duration startupTimeout) {
    if (startupTimeout.isNegative()) {
      throw new IllegalArgumentException("startupTimeout must not be negative");
    }
    this.startupTimeout = startupTimeout;
    return this;
  }

  /**
   * The wall clock, {@link Clock#systemUTC()} by default; for tests. The client reads it only to
   * age a snapshot by the time its holder last knew it current ({@code freshAt}).
   */
  public FlagClientBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The client's time source in nanoseconds, monotonic, {@link System#nanoTime()} by default; for
   * tests. Every timing decision of the client reads it: the start-up wait, staleness and heartbeat
   * silence, the data age, when to refresh the snapshot, when to check the brokers. Waits that
   * block a thread ({@link FlagClient#awaitReady}, {@link FlagClient#awaitRevision}, the pause
   * before the topic reader tries again, Kafka's own timeouts) take real time.
   */
  public FlagClientBuilder ticker(LongSupplier ticker) {
    this.ticker = requireNonNull(ticker, "ticker");
    return this;
  }

  private static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
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
            staleRefreshInterval,
            startupTimeout,
            clock,
            ticker));
  }
}
