package dev.flagstream.admin.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for a metrics scraper, {@code flags.metrics-keys} ({@code FLAGS_METRICS_KEYS},
 * comma-separated), sent as {@code Authorization: Bearer}: they may read {@code /prometheus} and
 * {@code /metrics} and nothing else, so monitoring needs no admin credential.
 */
@ConfigurationProperties("flags")
record MetricsKeys(@DefaultValue List<String> metricsKeys) {

  /** Whether {@code secret} is one of the keys; compares in constant time. */
  boolean matches(String secret) {
    return ServerKeys.containsInConstantTime(metricsKeys, secret);
  }
}
