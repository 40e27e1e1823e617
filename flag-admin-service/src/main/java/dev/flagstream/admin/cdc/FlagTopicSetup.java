package dev.flagstream.admin.cdc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the flag topic exists and is compacted. A consumer rebuilds every flag from the topic,
 * which only works when Kafka keeps the latest record of every name, so a topic that would delete
 * old records is refused rather than used.
 */
final class FlagTopicSetup {
  private static final Logger log = LoggerFactory.getLogger(FlagTopicSetup.class);

  private FlagTopicSetup() {}

  static void ensure(Admin admin, KafkaProperties kafka, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    long millis = timeout.toMillis();
    if (!admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS).contains(kafka.topic())) {
      NewTopic topic =
          new NewTopic(
                  kafka.topic(),
                  Optional.of(kafka.partitions()),
                  kafka.replicationFactor() > 0
                      ? Optional.of(kafka.replicationFactor())
                      : Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(topic)).all().get(millis, TimeUnit.MILLISECONDS);
        log.info(
            "Created the compacted topic {} with {} partition(s)",
            kafka.topic(),
            kafka.partitions());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, kafka.topic());
    Config config =
        admin
            .describeConfigs(List.of(resource))
            .all()
            .get(millis, TimeUnit.MILLISECONDS)
            .get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      throw new IllegalStateException(
          "topic " + kafka.topic() + " has cleanup.policy=" + policy + "; it must be compacted");
    }
  }
}
