package dev.flagstream.local.infrastructure;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker in a container (Testcontainers): the apache/kafka image of the Kafka version the
 * build uses, one node in KRaft mode, as docker-compose.yml runs it. Needs a Docker engine;
 * exercised by CI's Testcontainers job, not on machines without Docker.
 */
public final class ContainerKafka implements KafkaServer {
  private final KafkaContainer container;

  private ContainerKafka(KafkaContainer container) {
    this.container = container;
  }

  /** The image: apache/kafka at the version of the Kafka clients on the class path. */
  public static String image() {
    return "apache/kafka:" + AppInfoParser.getVersion();
  }

  /** Starts a broker; blocks until it answers. */
  public static ContainerKafka start() {
    KafkaContainer container = configured();
    container.start();
    return new ContainerKafka(container);
  }

  /** The container as it will be started. */
  @SuppressWarnings("resource") // started and closed by the caller
  static KafkaContainer configured() {
    return new KafkaContainer(DockerImageName.parse(image()))
        // One broker: internal topics get one replica, as on LocalKafka.
        .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
