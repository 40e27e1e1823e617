package dev.flagstream.admin.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Changes sent to Kafka count as processed in the order they were read, never past a gap. */
class InFlightChangesTest {
  private final InFlightChanges inFlight = new InFlightChanges();

  private CompletableFuture<Void> sent() {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    inFlight.add(acknowledged);
    return acknowledged;
  }

  @Test
  void nothingSent_nothingCounts() {
    assertThat(inFlight.acknowledged()).isZero();
    assertThat(inFlight.size()).isZero();
    assertThat(inFlight.failure()).isNull();
  }

  @Test
  void aChangeCounts_onceAcknowledged_andOnlyOnce() {
    CompletableFuture<Void> first = sent();
    assertThat(inFlight.acknowledged()).as("not yet acknowledged").isZero();
    assertThat(inFlight.size()).isEqualTo(1);
    first.complete(null);
    assertThat(inFlight.acknowledged()).isEqualTo(1);
    assertThat(inFlight.size()).isZero();
    assertThat(inFlight.acknowledged()).as("counted already").isZero();
  }

  @Test
  void laterAcknowledgements_waitForTheOldest() {
    CompletableFuture<Void> first = sent();
    CompletableFuture<Void> second = sent();
    CompletableFuture<Void> third = sent();
    third.complete(null);
    second.complete(null);
    assertThat(inFlight.acknowledged()).as("the first is not on the topic yet").isZero();
    first.complete(null);
    assertThat(inFlight.acknowledged()).isEqualTo(3);
  }

  @Test
  void theOldestAcknowledged_countUpToTheFirstStillWaiting() {
    sent().complete(null);
    sent().complete(null);
    sent();
    sent().complete(null);
    assertThat(inFlight.acknowledged()).isEqualTo(2);
    assertThat(inFlight.size()).isEqualTo(2);
  }

  @Test
  void aChangeWithNothingToSend_countsInItsPlace() {
    CompletableFuture<Void> first = sent();
    inFlight.add(CompletableFuture.completedFuture(null));
    assertThat(inFlight.acknowledged()).isZero();
    first.complete(null);
    assertThat(inFlight.acknowledged()).isEqualTo(2);
  }

  @Test
  void aFailure_isKnownAtOnce_andStopsTheCounting() {
    sent().complete(null);
    CompletableFuture<Void> second = sent();
    sent().complete(null);
    IllegalStateException cause =
        new IllegalStateException("no acknowledgement", new TimeoutException("after 30 s"));
    second.completeExceptionally(cause);

    assertThat(inFlight.failure()).as("known before any batch asks").isSameAs(cause);
    assertThatThrownBy(inFlight::acknowledged)
        .isInstanceOf(InFlightChanges.UnacknowledgedChangeException.class)
        .hasCause(cause);
    assertThat(inFlight.size()).as("the failed one and all after it stay uncounted").isEqualTo(2);
  }

  @Test
  void aFailureOfALaterChange_stopsTheCountingToo() {
    sent();
    sent().completeExceptionally(new IllegalStateException("refused"));
    assertThatThrownBy(inFlight::acknowledged)
        .isInstanceOf(InFlightChanges.UnacknowledgedChangeException.class)
        .hasRootCauseMessage("refused");
  }

  @Test
  void theFirstFailure_isTheOneKept() {
    CompletableFuture<Void> first = sent();
    CompletableFuture<Void> second = sent();
    IllegalStateException earlier = new IllegalStateException("first");
    second.completeExceptionally(earlier);
    first.completeExceptionally(new IllegalStateException("second"));
    assertThat(inFlight.failure()).isSameAs(earlier);
  }

  @Test
  void aFailureWrappedWithoutACause_isKeptAsItIs() {
    CompletionException bare = new CompletionException("no cause", null);
    sent().completeExceptionally(bare);
    assertThat(inFlight.failure()).isSameAs(bare);
  }

  @Test
  void aFailureWrappedOnTheWay_isUnwrapped() {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    inFlight.add(sent.thenRun(() -> {}));
    IllegalStateException cause = new IllegalStateException("broker away");
    sent.completeExceptionally(cause);
    assertThat(inFlight.failure()).isSameAs(cause);
  }

  @Test
  void acknowledgementsInAnyOrder_countEveryChangeExactlyOnce_inOrder() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      InFlightChanges changes = new InFlightChanges();
      List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
      int count = 1 + random.nextInt(20);
      for (int i = 0; i < count; i++) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        acknowledgements.add(acknowledged);
        changes.add(acknowledged);
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      int counted = 0;
      boolean[] done = new boolean[count];
      for (int index : order) {
        acknowledgements.get(index).complete(null);
        done[index] = true;
        counted += changes.acknowledged();
        int prefix = 0;
        while (prefix < count && done[prefix]) {
          prefix++;
        }
        assertThat(counted).as("the acknowledged prefix, round %d", round).isEqualTo(prefix);
      }
      assertThat(counted).isEqualTo(count);
      assertThat(changes.size()).isZero();
    }
  }
}
