package dev.flagstream.evaluator.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the browser streams, under {@code flags.stream}. Every stream holds a connection, so
 * {@code maxOpen} should stay well below the web server's connection limit ({@code
 * server.tomcat.max-connections}, 8192 by default), leaving room for everything else.
 *
 * @param heartbeatInterval how often a quiet stream gets a comment, so dead connections are seen
 * @param maxOpen the most streams open at once; more are refused with 503
 * @param maxOpenPerKey the most streams open at once with one key; more are refused with 429
 * @param maxLifetime how long a stream may stay open; it is then ended (each a little earlier, at
 *     random, so reconnects spread out) and the browser reconnects with {@code Last-Event-ID}
 * @param outboxCapacity the events a stream may have waiting to be written; a stream whose client
 *     reads too slowly to keep it from filling up is ended
 * @param sendTimeout how long one write to a stream may take before the stream is ended (the
 *     blocked write itself ends with the web server's {@code server.tomcat.connection-timeout})
 * @param retryAfter the {@code Retry-After} of a refused stream
 */
@ConfigurationProperties("flags.stream")
public record StreamSettings(
    @DefaultValue("15s") Duration heartbeatInterval,
    @DefaultValue("4000") int maxOpen,
    @DefaultValue("2000") int maxOpenPerKey,
    @DefaultValue("30m") Duration maxLifetime,
    @DefaultValue("64") int outboxCapacity,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("5s") Duration retryAfter) {

  public StreamSettings {
    positive("heartbeat-interval", heartbeatInterval);
    positive("max-lifetime", maxLifetime);
    positive("send-timeout", sendTimeout);
    positive("retry-after", retryAfter);
    if (maxOpen < 1 || maxOpenPerKey < 1 || outboxCapacity < 1) {
      throw new IllegalArgumentException(
          "flags.stream.max-open, max-open-per-key and outbox-capacity must be positive");
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("flags.stream." + name + " must be positive");
    }
  }
}
