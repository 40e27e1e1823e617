package dev.flagstream.client;

import static dev.flagstream.client.ClientStatus.ERROR;
import static dev.flagstream.client.ClientStatus.READY;
import static dev.flagstream.client.ClientStatus.STALE;
import static dev.flagstream.client.ClientStatus.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flagstream.contracts.change.CaptureHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Status and data age on a ticker the test moves: no broker, no waiting. */
class StatusTrackerTest {
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final CaptureHeartbeat EVERY_SECOND =
      CaptureHeartbeat.of(1, Instant.EPOCH, Duration.ofSeconds(1));

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final StatusTracker streamed = new StatusTracker(now::get, STARTUP, true);
  private final StatusTracker snapshotOnly = new StatusTracker(now::get, STARTUP, false);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  private ClientStatus statusOf(StatusTracker tracker) {
    tracker.update();
    return tracker.status();
  }

  @Test
  void starting_becomesError_afterTheStartupTimeout_andReadyOnceCaughtUp() {
    advance(STARTUP);
    assertThat(statusOf(streamed)).isEqualTo(STARTING);
    advance(Duration.ofNanos(1));
    assertThat(statusOf(streamed)).isEqualTo(ERROR);
    assertThat(streamed.dataAge()).isEqualTo(STARTUP.plusNanos(1));
    streamed.streamCaughtUp();
    assertThat(streamed.status()).isEqualTo(READY);
    assertThat(streamed.dataAge()).isZero();
  }

  @Test
  void ready_staleWhileTheBrokersDoNotAnswer_withGrowingAge_thenReadyAgain() {
    List<ClientStatus> seen = new CopyOnWriteArrayList<>();
    streamed.listen(seen::add);
    streamed.streamCaughtUp();
    advance(Duration.ofSeconds(3));
    streamed.brokersAnswered();
    assertThat(streamed.dataAge()).as("no heartbeat seen: an answer shows it current").isZero();
    streamed.brokersUnreachable();
    assertThat(streamed.status()).isEqualTo(STALE);
    advance(Duration.ofSeconds(40));
    assertThat(streamed.dataAge()).isEqualTo(Duration.ofSeconds(40));
    advance(Duration.ofSeconds(20));
    assertThat(streamed.dataAge()).isEqualTo(Duration.ofSeconds(60));
    streamed.brokersAnswered();
    assertThat(streamed.status()).isEqualTo(READY);
    assertThat(streamed.dataAge()).isZero();
    assertThat(seen).containsExactly(READY, STALE, READY);
  }

  @Test
  void heartbeats_makeSilenceStale_whileTheBrokersAnswer() {
    streamed.heartbeatSeen(EVERY_SECOND);
    streamed.streamCaughtUp();
    advance(Duration.ofSeconds(3));
    streamed.brokersAnswered();
    assertThat(statusOf(streamed)).as("three intervals of silence are allowed").isEqualTo(READY);
    assertThat(streamed.dataAge())
        .as("answers prove nothing once heartbeats are known")
        .isEqualTo(Duration.ofSeconds(3));
    advance(Duration.ofNanos(1));
    streamed.brokersAnswered();
    assertThat(statusOf(streamed)).isEqualTo(STALE);
    advance(Duration.ofSeconds(30));
    assertThat(streamed.dataAge()).isGreaterThan(Duration.ofSeconds(33));
    streamed.heartbeatSeen(EVERY_SECOND);
    streamed.streamDelivered();
    assertThat(streamed.status()).isEqualTo(READY);
    assertThat(streamed.dataAge()).isZero();
  }

  @Test
  void anOldHeartbeatReadDuringCatchUp_doesNotAgeFreshData() {
    streamed.heartbeatSeen(CaptureHeartbeat.of(1, Instant.EPOCH, Duration.ofSeconds(1)));
    streamed.streamDelivered();
    advance(Duration.ofMinutes(5));
    assertThat(statusOf(streamed)).isEqualTo(ERROR);
    streamed.streamCaughtUp();
    assertThat(streamed.status()).isEqualTo(READY);
    assertThat(streamed.dataAge()).isZero();
    advance(Duration.ofSeconds(2));
    assertThat(statusOf(streamed)).isEqualTo(READY);
    assertThat(streamed.dataAge()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aReaderStartingOver_isStaleUntilCaughtUpAgain() {
    streamed.streamCaughtUp();
    streamed.streamInterrupted();
    assertThat(streamed.status()).isEqualTo(STALE);
    streamed.streamDelivered();
    assertThat(streamed.status()).as("still behind").isEqualTo(STALE);
    streamed.streamCaughtUp();
    assertThat(streamed.status()).isEqualTo(READY);
  }

  @Test
  void whileTheReaderCatchesUpAgain_neitherRecordsNorBrokerAnswers_freshenTheData() {
    streamed.streamCaughtUp();
    advance(Duration.ofSeconds(5));
    streamed.streamInterrupted();
    advance(Duration.ofSeconds(5));
    streamed.streamDelivered();
    assertThat(streamed.dataAge())
        .as("a record read while behind may be old")
        .isEqualTo(Duration.ofSeconds(10));
    streamed.brokersAnswered();
    assertThat(streamed.dataAge())
        .as("answering brokers say nothing of a reader behind")
        .isEqualTo(Duration.ofSeconds(10));
    streamed.streamCaughtUp();
    assertThat(streamed.dataAge()).isZero();
  }

  @Test
  void catchingUp_whileNotCaughtUpAndRecordsKeepArriving_untilTwoSecondsOfSilence() {
    assertThat(streamed.catchingUp()).as("nothing read yet").isFalse();
    streamed.streamDelivered();
    assertThat(streamed.catchingUp()).isTrue();
    advance(Duration.ofSeconds(2));
    assertThat(streamed.catchingUp()).isTrue();
    advance(Duration.ofNanos(1));
    assertThat(streamed.catchingUp()).as("records stopped coming").isFalse();
    streamed.streamDelivered();
    assertThat(streamed.catchingUp()).isTrue();
    streamed.streamCaughtUp();
    assertThat(streamed.catchingUp()).as("caught up").isFalse();
    streamed.streamInterrupted();
    streamed.streamDelivered();
    assertThat(streamed.catchingUp()).as("reading again after an interruption").isTrue();
    streamed.readerStopped();
    assertThat(streamed.catchingUp()).as("a reader that ended").isFalse();
    snapshotOnly.streamDelivered();
    assertThat(snapshotOnly.catchingUp()).as("without a stream").isFalse();
  }

  @Test
  void aReaderThatEnded_isErrorForGood() {
    streamed.streamCaughtUp();
    streamed.readerStopped();
    assertThat(streamed.status()).isEqualTo(ERROR);
    streamed.streamCaughtUp();
    streamed.snapshotApplied(now.get());
    assertThat(statusOf(streamed)).isEqualTo(ERROR);
  }

  @Test
  void withAStream_aSnapshotMakesTheAgeHonest_butNotTheStatusReady() {
    streamed.streamCaughtUp();
    streamed.brokersUnreachable();
    advance(Duration.ofSeconds(60));
    streamed.snapshotApplied(now.get() - Duration.ofSeconds(1).toNanos());
    assertThat(streamed.status()).isEqualTo(STALE);
    assertThat(streamed.dataAge()).isEqualTo(Duration.ofSeconds(1));
    streamed.snapshotApplied(now.get() - Duration.ofSeconds(30).toNanos());
    assertThat(streamed.dataAge())
        .as("an older snapshot takes nothing back")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void withAStream_flagsFromASnapshotOnly_areStaleAfterTheStartupWait_notError() {
    advance(Duration.ofSeconds(2));
    streamed.snapshotApplied(now.get() - Duration.ofMinutes(1).toNanos());
    assertThat(streamed.status()).isEqualTo(STARTING);
    assertThat(streamed.dataAge()).as("as old as the snapshot").isEqualTo(Duration.ofMinutes(1));
    advance(STARTUP);
    assertThat(statusOf(streamed)).isEqualTo(STALE);
  }

  @Test
  void withoutAStream_theSnapshotDecides() {
    assertThat(snapshotOnly.status()).isEqualTo(STARTING);
    snapshotOnly.snapshotFailed();
    assertThat(snapshotOnly.status()).isEqualTo(STARTING);
    snapshotOnly.snapshotApplied(now.get() - Duration.ofSeconds(4).toNanos());
    assertThat(snapshotOnly.status()).isEqualTo(READY);
    assertThat(snapshotOnly.dataAge()).isEqualTo(Duration.ofSeconds(4));
    snapshotOnly.snapshotFailed();
    assertThat(snapshotOnly.status()).isEqualTo(STALE);
    advance(Duration.ofSeconds(10));
    assertThat(snapshotOnly.dataAge()).isEqualTo(Duration.ofSeconds(14));
    snapshotOnly.snapshotApplied(now.get());
    assertThat(snapshotOnly.status()).isEqualTo(READY);
  }

  /**
   * The race of issue 8: the latch released waiters before the status became READY. Holding the
   * tracker's lock keeps the signalling thread where the old code had already released them.
   */
  @Test
  void awaitReady_isReleasedOnlyOnceTheStatusIsReady() throws Exception {
    Thread signaller = new Thread(streamed::streamCaughtUp);
    synchronized (streamed) {
      signaller.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> signaller.getState() == Thread.State.BLOCKED);
      assertThat(streamed.awaitReady(Duration.ZERO)).isFalse();
      assertThat(streamed.status()).isEqualTo(STARTING);
    }
    signaller.join(Duration.ofSeconds(10).toMillis());
    assertThat(streamed.awaitReady(Duration.ZERO)).isTrue();
    assertThat(streamed.status()).isEqualTo(READY);
  }

  @RepeatedTest(20)
  void aWaiterReleased_seesReady() {
    CompletableFuture<ClientStatus> seen =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return streamed.awaitReady(Duration.ofSeconds(10)) ? streamed.status() : null;
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    streamed.streamCaughtUp();
    assertThat(seen).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(READY);
  }

  @Test
  void awaitReady_whileStale_waitsForReady() throws Exception {
    streamed.streamCaughtUp();
    streamed.brokersUnreachable();
    assertThat(streamed.awaitReady(Duration.ofMillis(1))).isFalse();
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return streamed.awaitReady(Duration.ofSeconds(10));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    streamed.brokersAnswered();
    assertThat(waiting).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
  }

  @Test
  void aFailingListener_doesNotStopTheOthers() {
    List<ClientStatus> seen = new CopyOnWriteArrayList<>();
    streamed.listen(
        status -> {
          throw new IllegalStateException("listener failure for the test");
        });
    Runnable cancel = streamed.listen(seen::add);
    streamed.streamCaughtUp();
    cancel.run();
    streamed.brokersUnreachable();
    assertThat(seen).containsExactly(READY);
  }
}
