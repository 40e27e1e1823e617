package dev.flagstream.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.fixtures.Waiter;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryFlagClientTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private final InMemoryFlagClient flags = new InMemoryFlagClient();

  @Test
  void holdsWhatTheTestSets_andEvaluatesWithTheRealAlgorithm() {
    flags
        .enable("on")
        .disable("off")
        .set(Flag.builder("half").enabled(true).rolloutPercentage(50).build());
    assertThat(flags.isEnabled("on", "u")).isTrue();
    assertThat(flags.isEnabled("off", "u", true)).isFalse();
    assertThat(flags.isEnabled("missing", "u", true)).isTrue();
    assertThat(flags.evaluate("half", "u").reason()).isIn(Reason.IN_ROLLOUT, Reason.OUT_OF_ROLLOUT);
    assertThat(flags.evaluate("missing", "u").defaulted()).isTrue();
    assertThat(flags.flags()).extracting(Flag::name).containsExactly("half", "off", "on");
    assertThat(flags.flag("on")).isNotNull();
    assertThat(flags.status()).isEqualTo(ClientStatus.READY);
    assertThat(flags.awaitReady(Duration.ZERO)).isTrue();
    assertThat(flags.dataAge()).isZero();
    assertThat(flags.revision()).isEqualTo(-1);
  }

  private Waiter awaitingRevision(String tokens) {
    return Waiter.waiting(() -> flags.awaitRevision(tokens, Duration.ofSeconds(30)));
  }

  @Test
  void awaitRevision_waitsForTheVersionSetByTheTest_andTakesRemovalAsTheDelete() throws Exception {
    flags.set(Flag.builder("a").version(3).build());
    assertThat(flags.awaitRevision("a@3", Duration.ZERO)).isTrue();
    assertThat(flags.awaitRevision("a@4", Duration.ZERO)).isFalse();

    try (Waiter waiter = awaitingRevision("a@4")) {
      assertThat(waiter.answered()).isFalse();
      flags.set(Flag.builder("a").version(4).build());
      assertThat(waiter.answer()).succeedsWithin(WITHIN).isEqualTo(true);
    }

    assertThat(flags.awaitRevision("a@4:deleted", Duration.ZERO)).isFalse();
    try (Waiter waiter = awaitingRevision("a@4:deleted")) {
      flags.remove("a");
      assertThat(waiter.answer()).succeedsWithin(WITHIN).isEqualTo(true);
    }
    assertThat(flags.awaitRevision("a@4:deleted,gone@1:deleted", Duration.ZERO)).isTrue();
    assertThat(flags.awaitRevision("a@5", Duration.ZERO)).isFalse();
  }

  @Test
  void awaitRevision_ofAnEarlierWrite_isAnsweredByALaterRemoval() throws Exception {
    flags.set(Flag.builder("a").version(3).build());
    flags.remove("a");
    assertThat(flags.awaitRevision("a@3", Duration.ZERO)).isTrue();
    assertThat(flags.awaitRevision("a@4:deleted", Duration.ZERO))
        .as("a delete after the removed version")
        .isFalse();
  }

  @Test
  void awaitRevision_neverReached_returnsFalseAfterItsTimeout() throws Exception {
    assertThat(flags.awaitRevision("a@1", Duration.ofMillis(1))).isFalse();
  }

  @Test
  void evaluate_reportsTheVersionOfTheFlagHeld() {
    flags.set(Flag.builder("a").enabled(true).rolloutPercentage(100).version(7).build());
    assertThat(flags.evaluate("a", "u").version()).isEqualTo(7);
    assertThat(flags.evaluate("a", "u").defaulted()).isFalse();
    assertThat(flags.evaluate("missing", "u").version()).isZero();
  }

  @Test
  void tellsListenersOfEveryChange_untilUnsubscribed() {
    List<FlagChanged> changes = new ArrayList<>();
    var subscription = flags.onChange(changes::add);
    flags.enable("a").remove("a").remove("never");
    subscription.close();
    flags.enable("b");
    assertThat(changes).extracting(FlagChanged::name).containsExactly("a", "a");
    assertThat(changes.get(1).current()).isNull();
    flags.onStatus(status -> {}).close();
    flags.close();
    assertThat(flags.flags()).isEmpty();
  }
}
