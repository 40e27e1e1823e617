package dev.flagstream.local.infrastructure;

/**
 * The kit on Kafka in a container. Runs only with -Dflagstream.infrastructure=containers, which
 * needs Docker (CI's Testcontainers job); a *ContainersIT is left out otherwise.
 */
class ContainerKafkaContainersIT extends KafkaServerKit {
  @Override
  KafkaServer start() {
    return ContainerKafka.start();
  }
}
