package dev.flagstream.client.spring;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the {@code FlagClient} bean, under {@code flagstream.client}. Setting {@code
 * kafka.bootstrap-servers}, {@code evaluator.url} (with {@code evaluator.key}), or both, makes the
 * starter create the client. Not thread-safe: bound once at start-up.
 */
@ConfigurationProperties("flagstream.client")
public class FlagstreamClientProperties {
  private final Kafka kafka = new Kafka();
  private final Evaluator evaluator = new Evaluator();
  private final Health health = new Health();
  private final Metrics metrics = new Metrics();
  private final OpenFeature openfeature = new OpenFeature();

  /** How often every flag is refreshed from the evaluator's snapshot while the client is ready. */
  private Duration refreshInterval = Duration.ofSeconds(60);

  /** How long the first read of the flags may take before the client reports ERROR. */
  private Duration startupTimeout = Duration.ofSeconds(10);

  /**
   * Whether start-up waits, up to the start-up timeout, until the flags are read, and fails if they
   * are not. Off by default, so that an outage of the flag platform never blocks a deploy: the
   * client then serves each flag's default until it has read the flags.
   */
  private boolean awaitReady;

  public Kafka getKafka() {
    return kafka;
  }

  public Evaluator getEvaluator() {
    return evaluator;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public OpenFeature getOpenfeature() {
    return openfeature;
  }

  public Duration getRefreshInterval() {
    return refreshInterval;
  }

  public void setRefreshInterval(Duration refreshInterval) {
    this.refreshInterval = refreshInterval;
  }

  public Duration getStartupTimeout() {
    return startupTimeout;
  }

  public void setStartupTimeout(Duration startupTimeout) {
    this.startupTimeout = startupTimeout;
  }

  public boolean isAwaitReady() {
    return awaitReady;
  }

  public void setAwaitReady(boolean awaitReady) {
    this.awaitReady = awaitReady;
  }

  /** The flag topic's Kafka cluster: instant updates. */
  public static class Kafka {
    /** The cluster's bootstrap servers, as {@code host:port,host:port}. */
    private @Nullable String bootstrapServers;

    /** The flag topic. */
    private String topic = "flagstream.flags";

    /**
     * Kafka consumer settings passed through unchanged, for TLS or SASL: {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location} and the
     * like.
     */
    private Map<String, String> properties = new LinkedHashMap<>();

    public @Nullable String getBootstrapServers() {
      return bootstrapServers;
    }

    public void setBootstrapServers(@Nullable String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    public String getTopic() {
      return topic;
    }

    public void setTopic(String topic) {
      this.topic = topic;
    }

    public Map<String, String> getProperties() {
      return properties;
    }

    public void setProperties(Map<String, String> properties) {
      this.properties = properties;
    }
  }

  /** A Flagstream evaluator: the snapshot safety net, or the only source without Kafka. */
  public static class Evaluator {
    /** The evaluator's base URL, such as {@code http://evaluator:3002}. */
    private @Nullable URI url;

    /** The evaluator's server key, sent as bearer with every snapshot request. */
    private @Nullable String key;

    public @Nullable URI getUrl() {
      return url;
    }

    public void setUrl(@Nullable URI url) {
      this.url = url;
    }

    public @Nullable String getKey() {
      return key;
    }

    public void setKey(@Nullable String key) {
      this.key = key;
    }
  }

  /** The {@code flagstream} health indicator. */
  public static class Health {
    /**
     * The health reported while the client is STALE: it serves the flags it last knew, which is the
     * design, so UP (with the status in the details) by default; OUT_OF_SERVICE to take the
     * instance out of service instead.
     */
    private StaleHealth staleStatus = StaleHealth.UP;

    public StaleHealth getStaleStatus() {
      return staleStatus;
    }

    public void setStaleStatus(StaleHealth staleStatus) {
      this.staleStatus = staleStatus;
    }
  }

  /** The health reported while the client is STALE. */
  public enum StaleHealth {
    /** Up, with the client's status in the details. */
    UP,
    /** Out of service. */
    OUT_OF_SERVICE
  }

  /** The Micrometer metrics. */
  public static class Metrics {
    /**
     * How many flags get a {@code flag} tag of their own on the evaluation counter; evaluations of
     * flags beyond them are counted under {@code flag=other}, so that a caller naming flags from
     * user input cannot grow the metrics without bound.
     */
    private int maxTaggedFlags = 100;

    public int getMaxTaggedFlags() {
      return maxTaggedFlags;
    }

    public void setMaxTaggedFlags(int maxTaggedFlags) {
      this.maxTaggedFlags = maxTaggedFlags;
    }
  }

  /** The OpenFeature provider, registered when {@code dev.openfeature:sdk} is present. */
  public static class OpenFeature {
    /** Whether to register the provider with the OpenFeature API. */
    private boolean enabled = true;

    /** The OpenFeature domain to register it for; the default provider when empty. */
    private String domain = "";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getDomain() {
      return domain;
    }

    public void setDomain(String domain) {
      this.domain = domain;
    }
  }
}
