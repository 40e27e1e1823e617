package dev.flagstream.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.contracts.evaluation.Reason;
import dev.flagstream.contracts.flag.Flag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryFlagClientTest {
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

  @Test
  void awaitRevision_waitsForTheVersionSetByTheTest_andTakesRemovalAsTheDelete() throws Exception {
    flags.set(Flag.builder("a").version(3).build());
    assertThat(flags.awaitRevision("a@3", Duration.ZERO)).isTrue();
    assertThat(flags.awaitRevision("a@4", Duration.ZERO)).isFalse();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return flags.awaitRevision("a@4", Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    flags.set(Flag.builder("a").version(4).build());
    assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);

    assertThat(flags.awaitRevision("a@4:deleted", Duration.ZERO)).isFalse();
    flags.remove("a");
    assertThat(flags.awaitRevision("a@4:deleted,gone@1:deleted", Duration.ZERO)).isTrue();
    assertThat(flags.awaitRevision("a@5", Duration.ZERO)).isFalse();
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
