package dev.flagstream.evaluator.store;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the evaluator's flags come from, under {@code flags}.
 *
 * @param kafkaBootstrapServers the Kafka cluster with the flag topic ({@code
 *     FLAGS_KAFKA_BOOTSTRAP_SERVERS})
 * @param topic the flag topic
 * @param adminUrl the admin service, whose snapshot is the safety net; none when null
 * @param adminServerKey the server key for the admin service's snapshot
 * @param refreshInterval how often every flag is refreshed from the admin snapshot
 * @param startupTimeout how long the first read of the topic may take before the store reports an
 *     error; it keeps trying
 */
@ConfigurationProperties("flags")
public record StoreProperties(
    @DefaultValue("localhost:9092") String kafkaBootstrapServers,
    @DefaultValue("flagstream.flags") String topic,
    @Nullable URI adminUrl,
    @Nullable String adminServerKey,
    @DefaultValue("60s") Duration refreshInterval,
    @DefaultValue("30s") Duration startupTimeout) {}
