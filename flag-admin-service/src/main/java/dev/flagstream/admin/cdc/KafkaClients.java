package dev.flagstream.admin.cdc;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of every Kafka client the capture makes. Each starts from {@code
 * flags.kafka.properties}, so security settings (TLS, SASL) and tuning reach all of them; then the
 * settings the capture's guarantees rest on are set over them and win:
 *
 * <ul>
 *   <li>everywhere: {@code bootstrap.servers} is {@code flags.kafka.bootstrap-servers};
 *   <li>producer: {@code acks=all}, {@code enable.idempotence=true}, at most 5 requests in flight
 *       (which keeps order with idempotence), unlimited retries within the delivery timeout, no
 *       {@code transactional.id}, and the three timeouts derived from {@code
 *       flags.cdc.publish-timeout}, which the restart logic counts on;
 *   <li>topic reader: no consumer group, no committed offsets, reading from the earliest record.
 * </ul>
 *
 * Client ids, linger, and the admin client's timeouts and retry backoff are defaults that the
 * pass-through may change.
 */
final class KafkaClients {
  private KafkaClients() {}

  static Map<String, Object> producer(FlagTopicProperties kafka, Duration publishTimeout) {
    Map<String, Object> config = passThrough(kafka);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "flagstream-cdc");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
    int deliveryMillis = (int) Math.max(publishTimeout.toMillis(), 2_000);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMillis);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryMillis, 30_000));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMillis);
    return config;
  }

  static Map<String, Object> admin(FlagTopicProperties kafka) {
    Map<String, Object> config = passThrough(kafka);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "flagstream-admin");
    config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    // With every broker unreachable, the admin client of Kafka 4.1 otherwise re-bootstraps in a
    // tight loop, over a thousand times a second, for as long as a call waits.
    config.putIfAbsent(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 1_000);
    return config;
  }

  static Map<String, Object> topicReader(FlagTopicProperties kafka) {
    Map<String, Object> config = passThrough(kafka);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "flagstream-cdc-reader");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }

  /** The largest request the producer sends, which bounds a single record. */
  static int maxRequestBytes(Map<String, Object> producerConfig) {
    Object configured = producerConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    return configured == null ? 1_048_576 : Integer.parseInt(configured.toString());
  }

  private static Map<String, Object> passThrough(FlagTopicProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.properties());
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return config;
  }
}
