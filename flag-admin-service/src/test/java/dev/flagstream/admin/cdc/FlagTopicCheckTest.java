package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** A topic that would lose flags is refused, a less durable one reported (finding M7). */
class FlagTopicCheckTest {
  private final FlagTopicProperties kafka = CdcPropertiesTest.topic(Map.of());

  @Test
  void aCompactedTopicAsConfigured_passes() {
    TopicVerdict verdict = FlagTopicCheck.verdict(kafka, "compact", 3, 2, false, 1_000_000);
    assertThat(verdict.refusal()).isNull();
    assertThat(verdict.weaknesses()).isEmpty();
    assertThat(verdict.maxMessageBytes()).isEqualTo(1_000_000);
  }

  @Test
  void anythingButExactlyCompact_isRefused() {
    for (String policy : new String[] {"compact,delete", "delete", "delete,compact", ""}) {
      assertThat(FlagTopicCheck.verdict(kafka, policy, 3, 2, false, 1).refusal())
          .as(policy)
          .contains("cleanup.policy=" + policy);
    }
  }

  @Test
  void fewerReplicas_aLowerMinInsync_andUncleanElection_areWeaknesses() {
    TopicVerdict verdict = FlagTopicCheck.verdict(kafka, "compact", 1, 1, true, 1);
    assertThat(verdict.refusal()).isNull();
    assertThat(verdict.weaknesses())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("1 replica(s)"))
        .anySatisfy(w -> assertThat(w).contains("min.insync.replicas=1"))
        .anySatisfy(w -> assertThat(w).contains("unclean leader election"));
  }

  @Test
  void moreThanConfigured_isNoWeakness() {
    assertThat(FlagTopicCheck.verdict(kafka, "compact", 5, 3, false, 1).weaknesses()).isEmpty();
  }

  @Test
  void theWordsOfARefusalAndOfEachWeakness_nameTheTopicTheSettingAndTheConfiguration() {
    TopicVerdict verdict = FlagTopicCheck.verdict(kafka, "compact,delete", 2, 1, true, 1);
    assertThat(verdict.refusal())
        .isEqualTo(
            "topic flagstream.flags has cleanup.policy=compact,delete; it must be exactly"
                + " compact, or flags age out of it");
    assertThat(verdict.weaknesses())
        .containsExactly(
            "topic flagstream.flags has 2 replica(s), fewer than the 3 of"
                + " flags.kafka.replication-factor",
            "topic flagstream.flags has min.insync.replicas=1, below the 2 of"
                + " flags.kafka.min-insync-replicas",
            "topic flagstream.flags allows unclean leader election, which can drop acknowledged"
                + " changes");
  }

  @Test
  void eachShortfall_isAWeaknessOfItsOwn() {
    assertThat(FlagTopicCheck.verdict(kafka, " compact ", 2, 2, false, 1).weaknesses())
        .singleElement(STRING)
        .contains("2 replica(s)");
    assertThat(FlagTopicCheck.verdict(kafka, "compact", 3, 1, false, 1).weaknesses())
        .singleElement(STRING)
        .contains("min.insync.replicas=1");
    assertThat(FlagTopicCheck.verdict(kafka, "compact", 3, 2, true, 1).weaknesses())
        .singleElement(STRING)
        .contains("unclean leader election");
  }

  @Test
  void aTopicAsKafkaDescribesIt_countsItsFewestReplicas_andItsSettings() {
    Node one = new Node(1, "kafka-1", 9092);
    Node two = new Node(2, "kafka-2", 9092);
    Node three = new Node(3, "kafka-3", 9092);
    TopicDescription topic =
        new TopicDescription(
            "flagstream.flags",
            false,
            List.of(
                new TopicPartitionInfo(0, one, List.of(one, two, three), List.of(one, two, three)),
                new TopicPartitionInfo(1, two, List.of(two, three), List.of(two, three))));
    Config config =
        new Config(
            List.of(
                new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"),
                new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"),
                new ConfigEntry(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true"),
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2097152")));
    TopicVerdict verdict = FlagTopicCheck.verdict(kafka, topic, config);
    assertThat(verdict.refusal()).isNull();
    assertThat(verdict.weaknesses())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("has 2 replica(s)"))
        .anySatisfy(w -> assertThat(w).contains("unclean leader election"));
    assertThat(verdict.maxMessageBytes()).isEqualTo(2_097_152);
  }

  @Test
  void settingsKafkaLeavesOutOrWithoutValue_countAtKafkasDefaults_andNoCleanupPolicyIsRefused() {
    Node one = new Node(1, "kafka-1", 9092);
    TopicDescription topic =
        new TopicDescription(
            "flagstream.flags",
            false,
            List.of(new TopicPartitionInfo(0, one, List.of(one), List.of(one))));
    TopicVerdict verdict =
        FlagTopicCheck.verdict(
            kafka,
            topic,
            new Config(
                List.of(
                    new ConfigEntry("retention.ms", "1"),
                    new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, null))));
    assertThat(verdict.refusal()).contains("cleanup.policy=;");
    assertThat(verdict.weaknesses())
        .containsExactly(
            "topic flagstream.flags has 1 replica(s), fewer than the 3 of"
                + " flags.kafka.replication-factor",
            "topic flagstream.flags has min.insync.replicas=1, below the 2 of"
                + " flags.kafka.min-insync-replicas");
    assertThat(verdict.maxMessageBytes()).isEqualTo(1_048_588);
  }
}
