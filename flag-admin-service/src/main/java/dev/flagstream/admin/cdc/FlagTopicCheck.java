package dev.flagstream.admin.cdc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the flag topic exists and keeps what is written to it. A new topic is created
 * compacted, with {@code flags.kafka.replication-factor} replicas, {@code min.insync.replicas} and
 * no unclean leader election. An existing one is checked for the same:
 *
 * <ul>
 *   <li>{@code cleanup.policy} other than exactly {@code compact} (say {@code compact,delete}) ages
 *       flags out, and consumers rebuilding from the topic would miss them: nothing is published;
 *   <li>fewer replicas, a lower {@code min.insync.replicas} or unclean leader election make an
 *       acknowledged change losable: publishing goes on and the capture reports them.
 * </ul>
 */
final class FlagTopicCheck {
  private static final Logger log = LoggerFactory.getLogger(FlagTopicCheck.class);

  private FlagTopicCheck() {}

  static TopicVerdict ensure(Admin admin, FlagTopicProperties kafka, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    long millis = timeout.toMillis();
    String topic = kafka.topic();
    if (!admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS).contains(topic)) {
      create(admin, kafka, millis);
    }
    // Both futures fail rather than leave the topic out, so the lookups below find it.
    TopicDescription description =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(millis, TimeUnit.MILLISECONDS)
            .get(topic);
    requireNonNull(description, topic);
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin
            .describeConfigs(List.of(resource))
            .all()
            .get(millis, TimeUnit.MILLISECONDS)
            .get(resource);
    requireNonNull(config, topic);
    return verdict(kafka, description, config);
  }

  /**
   * Judges the topic as Kafka describes it against what {@code kafka} asks for: its fewest replicas
   * over all partitions, and its settings, each at Kafka's default when the description leaves it
   * out. Pure.
   */
  static TopicVerdict verdict(FlagTopicProperties kafka, TopicDescription topic, Config config) {
    int replicas = topic.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
    return verdict(
        kafka,
        value(config, TopicConfig.CLEANUP_POLICY_CONFIG, ""),
        replicas,
        Integer.parseInt(value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")),
        Boolean.parseBoolean(
            value(config, TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false")),
        Integer.parseInt(value(config, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588")));
  }

  /** Judges a topic's settings against what {@code kafka} asks for. Pure. */
  static TopicVerdict verdict(
      FlagTopicProperties kafka,
      String cleanupPolicy,
      int replicas,
      int minInsyncReplicas,
      boolean uncleanLeaderElection,
      int maxMessageBytes) {
    String topic = kafka.topic();
    String refusal = null;
    if (!cleanupPolicy.trim().equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      refusal =
          "topic "
              + topic
              + " has cleanup.policy="
              + cleanupPolicy
              + "; it must be exactly compact, or flags age out of it";
    }
    List<String> weaknesses = new ArrayList<>();
    if (replicas < kafka.replicationFactor()) {
      weaknesses.add(
          "topic "
              + topic
              + " has "
              + replicas
              + " replica(s), fewer than the "
              + kafka.replicationFactor()
              + " of flags.kafka.replication-factor");
    }
    if (minInsyncReplicas < kafka.minInsyncReplicas()) {
      weaknesses.add(
          "topic "
              + topic
              + " has min.insync.replicas="
              + minInsyncReplicas
              + ", below the "
              + kafka.minInsyncReplicas()
              + " of flags.kafka.min-insync-replicas");
    }
    if (uncleanLeaderElection) {
      weaknesses.add(
          "topic "
              + topic
              + " allows unclean leader election, which can drop acknowledged changes");
    }
    return new TopicVerdict(refusal, weaknesses, maxMessageBytes);
  }

  private static void create(Admin admin, FlagTopicProperties kafka, long millis)
      throws ExecutionException, InterruptedException, TimeoutException {
    NewTopic topic =
        new NewTopic(
                kafka.topic(),
                Optional.of(kafka.partitions()),
                Optional.of(kafka.replicationFactor()))
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    Integer.toString(kafka.minInsyncReplicas()),
                    TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG,
                    "false",
                    TopicConfig.SEGMENT_BYTES_CONFIG,
                    Long.toString(kafka.segmentSize().toBytes())));
    try {
      admin.createTopics(List.of(topic)).all().get(millis, TimeUnit.MILLISECONDS);
      log.atInfo()
          .setMessage("Created the compacted flag topic")
          .addKeyValue("event", "cdc.topic.created")
          .addKeyValue("topic", kafka.topic())
          .addKeyValue("partitions", kafka.partitions())
          .addKeyValue("replicationFactor", kafka.replicationFactor())
          .addKeyValue("minInsyncReplicas", kafka.minInsyncReplicas())
          .log();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static String value(Config config, String name, String otherwise) {
    @Nullable ConfigEntry entry = config.get(name);
    return entry == null || entry.value() == null ? otherwise : entry.value();
  }
}
