package dev.flagstream.local.infrastructure;

/** The kit on the default infrastructure: a broker of its own process from Maven artifacts. */
class LocalKafkaKitIT extends KafkaServerKit {
  @Override
  KafkaServer start() {
    return LocalKafka.startTemporary();
  }
}
