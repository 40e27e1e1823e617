package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where flag changes go, under {@code flags.kafka} ({@code FLAGS_KAFKA_BOOTSTRAP_SERVERS} and so
 * on).
 *
 * @param bootstrapServers the Kafka cluster
 * @param topic the compacted flag topic, created on start when missing
 * @param partitions partitions of a newly created topic; one keeps a total order of all changes,
 *     which flag changes at human rate can afford
 * @param replicationFactor replicas of a newly created topic; 0 takes the brokers' {@code
 *     default.replication.factor}, which is 1 on a local single broker and should be 3 in
 *     production
 */
@ConfigurationProperties("flags.kafka")
public record KafkaProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue(FlagTopic.DEFAULT_NAME) String topic,
    @DefaultValue("1") int partitions,
    @DefaultValue("0") short replicationFactor) {}
