package dev.flagstream.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.spring.fixtures.ScriptedFlagClient;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class CountingFlagClientTest {
  private final Map<String, LongAdder[]> counted = new LinkedHashMap<>();
  private final EvaluationCounts counts = new EvaluationCounts(10);
  private final Flag beta = Flag.builder("beta").enabled(true).build();
  private final ScriptedFlagClient client =
      new ScriptedFlagClient()
          .holding(beta)
          .in(ClientStatus.READY, 9, Duration.ofSeconds(3))
          .skipping(4);
  private final CountingFlagClient counting = new CountingFlagClient(client, counts);

  @Test
  void evaluations_answerWhatTheClientAnswers_andAreCountedByValue() throws Exception {
    counts.forEachFlag(counted::put);
    assertThat(counting.isEnabled("beta", "u", true)).isFalse();
    assertThat(counting.evaluate("beta", "u").value()).isFalse();
    client.answering(true);
    assertThat(counting.isEnabled("beta", "u", false)).isTrue();
    assertThat(counted.get("beta")[0].sum()).isEqualTo(2);
    assertThat(counted.get("beta")[1].sum()).isEqualTo(1);
  }

  @Test
  void everythingElse_isTheClientsOwn() throws Exception {
    assertThat(counting.flag("beta")).isEqualTo(beta);
    assertThat(counting.flags()).containsExactly(beta);
    assertThat(counting.status()).isEqualTo(ClientStatus.READY);
    assertThat(counting.revision()).isEqualTo(9);
    assertThat(counting.dataAge()).isEqualTo(Duration.ofSeconds(3));
    assertThat(counting.skippedRecords()).isEqualTo(4);
    client.answering(true);
    assertThat(counting.awaitReady(Duration.ofSeconds(1))).isTrue();
    assertThat(counting.awaitRevision("beta:3", Duration.ofSeconds(1))).isTrue();
    client.answering(false);
    assertThat(counting.awaitRevision("beta:4", Duration.ofSeconds(1))).isFalse();
    counting.onChange(change -> {}).close();
    counting.onStatus(status -> {}).close();
    counting.close();
    assertThat(client.calls())
        .containsSubsequence(
            "flag",
            "flags",
            "awaitReady",
            "awaitRevision beta:3",
            "awaitRevision beta:4",
            "onChange",
            "onStatus",
            "close");
    assertThat(client.calls()).doesNotContain("isEnabled", "evaluate");
  }
}
