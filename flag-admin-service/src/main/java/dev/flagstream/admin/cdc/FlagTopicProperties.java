package dev.flagstream.admin.cdc;

import dev.flagstream.contracts.change.FlagTopic;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where flag changes go and how the capture talks to Kafka, under {@code flags.kafka} ({@code
 * FLAGS_KAFKA_BOOTSTRAP_SERVERS} and so on).
 *
 * @param bootstrapServers the Kafka cluster
 * @param topic the compacted flag topic, created on start when missing
 * @param partitions partitions of a newly created topic; one keeps a total order of all changes,
 *     which flag changes at human rate can afford
 * @param replicationFactor replicas of the topic: a new topic gets this many, an existing one with
 *     fewer is reported; 3 by default, 1 for a single local broker
 * @param minInsyncReplicas {@code min.insync.replicas} of the topic, how many replicas must have a
 *     change before Kafka acknowledges it; 0, the default, means one less than the replication
 *     factor but at least 1 (2 for the default of 3)
 * @param segmentSize {@code segment.bytes} of a newly created topic: compaction cleans only closed
 *     segments, so a small segment keeps the topic near one record per flag; with Kafka's 1 GiB
 *     default about two million changes would pile up before the first was cleaned
 * @param properties Kafka client settings passed unchanged to every client the capture makes
 *     (producer, admin client, topic reader), such as {@code security.protocol}, {@code
 *     sasl.mechanism}, {@code sasl.jaas.config} or {@code ssl.truststore.location}; the settings
 *     the capture's guarantees rest on win over them (see {@link KafkaClients})
 */
@ConfigurationProperties("flags.kafka")
public record FlagTopicProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue(FlagTopic.DEFAULT_NAME) String topic,
    @DefaultValue("1") int partitions,
    @DefaultValue("3") short replicationFactor,
    @DefaultValue("0") int minInsyncReplicas,
    @DefaultValue("16MB") DataSize segmentSize,
    @DefaultValue Map<String, String> properties) {

  public FlagTopicProperties {
    if (partitions < 1) {
      throw new IllegalArgumentException("flags.kafka.partitions must be at least 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("flags.kafka.replication-factor must be at least 1");
    }
    if (minInsyncReplicas <= 0) {
      minInsyncReplicas = Math.max(1, replicationFactor - 1);
    }
    if (minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "flags.kafka.min-insync-replicas ("
              + minInsyncReplicas
              + ") above flags.kafka.replication-factor ("
              + replicationFactor
              + ") would refuse every change");
    }
    if (segmentSize.toBytes() < DataSize.ofMegabytes(1).toBytes()
        || segmentSize.toBytes() > Integer.MAX_VALUE) {
      // Kafka's own bounds of segment.bytes: it would refuse to create the topic.
      throw new IllegalArgumentException(
          "flags.kafka.segment-size must be between 1MB and 2GB, not " + segmentSize);
    }
    properties = Map.copyOf(properties);
  }
}
