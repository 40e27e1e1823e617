package dev.flagstream.local.infrastructure;

/**
 * A single-node Kafka broker in KRaft mode for tests: {@link LocalKafka} (its own process, from
 * Maven artifacts, the default; it can also be stopped, killed and frozen) or {@link
 * ContainerKafka} (Testcontainers, where Docker is). Chosen by {@link Infrastructure#selected()}.
 * Thread-safe; {@link #close()} stops it.
 */
public interface KafkaServer extends AutoCloseable {
  /** {@code host:port} for Kafka clients. */
  String bootstrapServers();

  /** Stops the broker and removes its data. */
  @Override
  void close();
}
