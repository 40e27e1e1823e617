package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
}
