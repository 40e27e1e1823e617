package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.flagstream.client.FlagChanged;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.access.Caller;
import dev.flagstream.evaluator.access.KeyKind;
import dev.flagstream.evaluator.fixtures.MutableClock;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class FlagStreamsTest {
  private static final Duration SECONDS = Duration.ofSeconds(20);
  private static final Caller BROWSER = new Caller(KeyKind.CLIENT, "client-1", true);
  private static final Caller SERVICE = new Caller(KeyKind.SERVER, "server-1", false);

  private final ScriptedFlagClient flags = new ScriptedFlagClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicLong versions = new AtomicLong();
  private final List<Sinks.Stalled> stalled = new ArrayList<>();
  private FlagStreams streams = streams(settings(100, 100, 64));

  private static StreamSettings settings(int maxOpen, int maxOpenPerKey, int outbox) {
    return new StreamSettings(
        Duration.ofSeconds(15),
        maxOpen,
        maxOpenPerKey,
        Duration.ofMinutes(30),
        outbox,
        Duration.ofSeconds(10),
        Duration.ofSeconds(5));
  }

  private FlagStreams streams(StreamSettings settings) {
    return new FlagStreams(flags, meters, settings, clock);
  }

  @AfterEach
  void stop() {
    stalled.forEach(Sinks.Stalled::release);
    streams.stop();
  }

  private Sinks.Stalled stalled() {
    Sinks.Stalled sink = new Sinks.Stalled();
    stalled.add(sink);
    return sink;
  }

  private void set(String name, boolean enabled) {
    flags.set(
        Flag.builder(name)
            .enabled(enabled)
            .rolloutPercentage(100)
            .version(versions.incrementAndGet())
            .build());
  }

  private double closed(String reason) {
    return meters.get("flagstream.streams.closed").tag("reason", reason).counter().count();
  }

  @Test
  void aStream_beginsWithEveryValue_thenGetsEachChangeOfValue_andTheDeletion() {
    set("a", true);
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    set("a", true); // the same value again: nothing to send
    set("a", false);
    flags.remove("a");
    await()
        .atMost(SECONDS)
        .untilAsserted(
            () -> assertThat(browser.names()).containsExactly("snapshot", "flag", "flag"));
    assertThat(browser.events.get(1).data()).containsEntry("value", false);
    assertThat(browser.events.get(2).data()).containsEntry("exists", false);
  }

  @Test
  void aChange_isOneEventPerValue_sharedByEveryStreamThatGetsIt() {
    set("shared", false);
    Sinks.Recording first = new Sinks.Recording();
    Sinks.Recording second = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, first);
    streams.open(BROWSER, "u-2", null, null, second);
    set("shared", true);
    await()
        .atMost(SECONDS)
        .untilAsserted(
            () -> {
              assertThat(first.names()).containsExactly("snapshot", "flag");
              assertThat(second.names()).containsExactly("snapshot", "flag");
            });

    assertThat(second.events.get(1)).isSameAs(first.events.get(1));
    assertThat(second.events.get(0))
        .as("each user's snapshot is its own")
        .isNotSameAs(first.events.get(0));
  }

  @Test
  void aSlowBrowser_delaysNoOtherStream() throws Exception {
    set("slow", false);
    Sinks.Stalled slow = stalled();
    Sinks.Recording fast = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, slow);
    slow.writing.await();
    streams.open(BROWSER, "u-2", null, null, fast);
    set("slow", true);
    await().atMost(SECONDS).until(() -> Boolean.TRUE.equals(fast.lastValueOf("slow")));
    assertThat(slow.events).as("the slow browser still has its first event in hand").isEmpty();
    slow.release();
    await()
        .atMost(SECONDS)
        .untilAsserted(() -> assertThat(slow.names()).containsExactly("snapshot", "flag"));
    assertThat(slow.lastValueOf("slow")).isTrue();
  }

  @RepeatedTest(5)
  void rapidConcurrentToggles_endEveryStreamOnTheFinalValue() {
    streams = streams(settings(100, 100, 1_000)); // room for every toggle: this is about order
    set("race", false);
    List<Sinks.Recording> browsers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Sinks.Recording browser = new Sinks.Recording();
      browsers.add(browser);
      streams.open(BROWSER, "u-" + i, null, null, browser);
    }
    List<CompletableFuture<Void>> togglers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      togglers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 200; i++) {
                  set("race", ThreadLocalRandom.current().nextBoolean());
                }
              }));
    }
    togglers.forEach(CompletableFuture::join);
    boolean last = flags.isEnabled("race", "u-0");
    for (Sinks.Recording browser : browsers) {
      await()
          .atMost(SECONDS)
          .until(() -> Boolean.valueOf(last).equals(browser.lastValueOf("race")));
    }
    assertThat(streams.openStreams()).as("no outbox overflowed").isEqualTo(4);
  }

  @Test
  void aFullOutbox_endsThatStream_withoutWaitingForItsWrite() throws Exception {
    streams = streams(settings(100, 100, 4));
    Sinks.Stalled slow = stalled();
    streams.open(BROWSER, "u-1", null, null, slow);
    slow.writing.await();
    for (int i = 0; i < 6; i++) {
      set("burst", i % 2 == 0);
    }
    assertThat(streams.openStreams()).isZero();
    assertThat(closed("slow")).isEqualTo(1);
    assertThat(slow.completed).as("not closed under its blocked write").isFalse();
    slow.release();
    await().atMost(SECONDS).until(() -> slow.completed);
  }

  @Test
  void streamsBeyondTheCaps_areRefused_429PerKey_503Overall_withRetryAfter() {
    streams = streams(settings(3, 2, 64));
    streams.open(BROWSER, "u-1", null, null, new Sinks.Recording());
    streams.open(BROWSER, "u-2", null, null, new Sinks.Recording());
    assertThatThrownBy(() -> streams.open(BROWSER, "u-3", null, null, new Sinks.Recording()))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refusal -> {
              assertThat(refusal.getStatusCode().value()).isEqualTo(429);
              assertThat(refusal.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            });
    streams.open(SERVICE, "u-3", null, null, new Sinks.Recording());
    assertThatThrownBy(
            () ->
                streams.open(
                    new Caller(KeyKind.SERVER, "server-2", false),
                    "u-4",
                    null,
                    null,
                    new Sinks.Recording()))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            refusal -> assertThat(refusal.getStatusCode().value()).isEqualTo(503));
  }

  @Test
  void aStreamPastItsLifetime_isEnded_soTheBrowserReconnects() {
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    clock.advance(Duration.ofMinutes(26));
    streams.sweep();
    assertThat(browser.completed).as("the lifetime is at least 90% of the maximum").isFalse();
    clock.advance(Duration.ofMinutes(4));
    streams.sweep();
    assertThat(browser.completed).isTrue();
    assertThat(streams.openStreams()).isZero();
    assertThat(closed("lifetime")).isEqualTo(1);
  }

  @Test
  void aStreamStuckInOneWrite_pastTheSendTimeout_isEnded() throws Exception {
    Sinks.Stalled stuck = stalled();
    streams.open(BROWSER, "u-1", null, null, stuck);
    stuck.writing.await();
    clock.advance(Duration.ofSeconds(10));
    streams.sweep();
    assertThat(streams.openStreams()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    streams.sweep();
    assertThat(streams.openStreams()).isZero();
    assertThat(closed("stuck")).isEqualTo(1);
  }

  @Test
  void aReconnect_getsOnlyWhatItMissed_unlessItNamesAChangeToWaitFor() {
    flags.revision(5);
    set("a", true);
    flags.revision(6);
    set("b", true);
    Sinks.Recording resumed = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 5L, null, resumed);
    await().atMost(SECONDS).until(() -> resumed.events.size() == 1);
    assertThat(resumed.events.get(0).flag()).isEqualTo("b");
    assertThat(resumed.events.get(0).revision()).isEqualTo(6);

    Sinks.Recording waited = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 5L, true, waited);
    await().atMost(SECONDS).until(() -> waited.events.size() == 1);
    assertThat(waited.events.get(0).name()).isEqualTo("snapshot");
    assertThat(waited.events.get(0).data()).containsEntry("revisionReached", true);
  }

  @Test
  void heartbeats_andShutdown_reachEveryStream() {
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    streams.heartbeat();
    await()
        .atMost(SECONDS)
        .until(() -> browser.events.stream().anyMatch(event -> event.comment() != null));
    streams.stop();
    assertThat(browser.completed).isTrue();
    assertThat(closed("shutdown")).isEqualTo(1);
  }

  @Test
  void streamsStoppedAndStartedAgain_serveNewStreams() {
    streams.stop();
    streams.start();
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    await().atMost(SECONDS).until(() -> browser.names().contains("snapshot"));
    assertThat(streams.isRunning()).isTrue();
  }

  /** A browser moving to an evaluator started after its last event was told nothing at all. */
  @Test
  void aReconnectToAnEvaluatorThatStartedListeningSince_getsASnapshot_notNothing() {
    flags.revision(3);
    set("a", true);
    flags.revision(7);
    set("b", true);
    streams.stop();
    streams = streams(settings(100, 100, 64)); // started after both changes
    Sinks.Recording resumed = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 3L, null, resumed);
    await().atMost(SECONDS).until(() -> resumed.events.size() == 1);
    assertThat(resumed.names()).containsExactly("snapshot");
    assertThat(resumed.lastValueOf("b")).isTrue();
  }

  /**
   * An evaluator starting takes the admin's snapshot, which has no revision, before it reads the
   * topic: a change made while it was away came that way, and the topic's event of it changed
   * nothing more. A browser resuming from before that change was told nothing at all.
   */
  @Test
  void aChangeASnapshotRefreshFound_reachesAReconnect_fromARevisionBelowTheEvaluators() {
    streams.stop();
    streams = streams(settings(100, 100, 64)); // started before anything was read
    flags.fromSnapshotRefresh(true);
    set("demo", true); // from the snapshot, at no known revision
    flags.fromSnapshotRefresh(false);
    flags.revision(9);
    set("other", true); // from the topic, at 9
    Sinks.Recording resumed = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 8L, null, resumed);
    await().atMost(SECONDS).until(() -> resumed.events.size() == 2);
    assertThat(resumed.names()).containsOnly("flag");
    assertThat(resumed.lastValueOf("demo")).isTrue();
    assertThat(resumed.lastValueOf("other")).isTrue();

    Sinks.Recording current = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 9L, null, current);
    await().atMost(SECONDS).until(() -> current.events.size() == 1);
    assertThat(current.lastValueOf("demo"))
        .as("even from the revision held: the snapshot's change may be newer")
        .isTrue();
  }

  /**
   * A reconnect that missed more flags than its outbox holds was ended as slow at once, and the
   * events it did get carried the current revision: reconnecting with that id, it lost the rest.
   */
  @Test
  void aReconnectThatMissedMoreFlagsThanItsOutboxHolds_getsASnapshot() {
    streams.stop();
    streams = streams(settings(100, 100, 2));
    flags.revision(5);
    set("seen", true);
    flags.revision(6);
    set("b", true);
    set("c", true);
    Sinks.Recording fits = new Sinks.Recording();
    streams.open(BROWSER, "u-1", 5L, null, fits);
    await().atMost(SECONDS).until(() -> fits.events.size() == 2);
    assertThat(fits.names()).as("as many as the outbox holds").containsExactly("flag", "flag");

    flags.revision(7);
    set("d", true);
    set("e", true);
    Sinks.Stalled resumed = stalled();
    streams.open(BROWSER, "u-2", 5L, null, resumed);
    assertThat(streams.openStreams()).isEqualTo(2);
    resumed.release();
    await().atMost(SECONDS).until(() -> resumed.events.size() == 1);
    assertThat(resumed.names()).containsExactly("snapshot");
    assertThat(resumed.lastValueOf("e")).isTrue();
    assertThat(closed("slow")).isZero();
  }

  @Test
  void aStreamThatEnds_givesBackItsPlaceUnderItsKeysCap() {
    streams = streams(settings(100, 2, 64));
    OpenStream first = streams.open(BROWSER, "u-1", null, null, new Sinks.Recording());
    OpenStream second = streams.open(BROWSER, "u-2", null, null, new Sinks.Recording());
    first.end(OpenStream.End.GONE);
    OpenStream third = streams.open(BROWSER, "u-3", null, null, new Sinks.Recording());
    assertThatThrownBy(() -> streams.open(BROWSER, "u-4", null, null, new Sinks.Recording()))
        .isInstanceOf(ErrorResponseException.class);
    second.end(OpenStream.End.GONE);
    third.end(OpenStream.End.GONE);
    streams.open(BROWSER, "u-5", null, null, new Sinks.Recording());
    streams.open(BROWSER, "u-6", null, null, new Sinks.Recording());
    assertThat(streams.openStreams()).isEqualTo(2);
    assertThat(closed("gone")).isEqualTo(3);
  }

  @Test
  void heartbeatsThatDoNotFit_endASlowStream() throws Exception {
    streams = streams(settings(100, 100, 1));
    Sinks.Stalled slow = stalled();
    streams.open(BROWSER, "u-1", null, null, slow);
    slow.writing.await();
    streams.heartbeat();
    assertThat(streams.openStreams()).as("one heartbeat fits").isEqualTo(1);
    streams.heartbeat();
    assertThat(streams.openStreams()).isZero();
    assertThat(closed("slow")).isEqualTo(1);
  }

  @Test
  void aNewFlagInTheSlotOfADeletedOne_reachesEveryStream_withItsOwnValue() {
    set("old", true);
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    flags.remove("old");
    set("new", true); // takes the deleted flag's slot, which held the same value
    await()
        .atMost(SECONDS)
        .untilAsserted(
            () -> assertThat(browser.names()).containsExactly("snapshot", "flag", "flag"));
    assertThat(browser.events.get(1).flag()).isEqualTo("old");
    assertThat(browser.events.get(1).data()).containsEntry("exists", false);
    assertThat(browser.events.get(2).flag()).isEqualTo("new");
    assertThat(browser.events.get(2).data()).containsEntry("value", true);
  }

  @Test
  void aFlagGoneBeforeAStreamHeardOfIt_isNeverMentionedToIt() {
    Sinks.Recording browser = new Sinks.Recording();
    streams.open(BROWSER, "u-1", null, null, browser);
    flags.announce(
        new FlagChanged("ghost", null, Flag.builder("ghost").enabled(true).build(), null));
    set("real", true);
    await().atMost(SECONDS).until(() -> Boolean.TRUE.equals(browser.lastValueOf("real")));
    assertThat(browser.events).extracting(StreamEvent::flag).doesNotContain("ghost");
  }

  @Test
  void eachStream_getsItsOwnUsersValues() {
    UUID listed = UUID.randomUUID();
    flags.set(
        Flag.builder("beta")
            .enabled(true)
            .rolloutPercentage(0)
            .userAllowlist(List.of(listed))
            .version(1)
            .build());
    Sinks.Recording insider = new Sinks.Recording();
    Sinks.Recording outsider = new Sinks.Recording();
    streams.open(BROWSER, listed.toString(), null, null, insider);
    streams.open(BROWSER, UUID.randomUUID().toString(), null, null, outsider);
    await().atMost(SECONDS).until(() -> insider.events.size() == 1 && outsider.events.size() == 1);
    assertThat(insider.lastValueOf("beta")).isTrue();
    assertThat(outsider.lastValueOf("beta")).isFalse();
    assertThat(insider.events.get(0).data()).doesNotContainKey("revisionReached");
  }

  @Test
  void theStreams_runFromStartToStop_andStopBeforeEverythingElse() {
    FlagStreams fresh = streams(settings(100, 100, 64));
    assertThat(fresh.isRunning()).isFalse();
    fresh.start();
    assertThat(fresh.isRunning()).isTrue();
    assertThat(fresh.getPhase())
        .as("the last phase to start stops first")
        .isEqualTo(Integer.MAX_VALUE);
    fresh.stop();
    assertThat(fresh.isRunning()).isFalse();
  }

  @Test
  void theThreadsWritingToBrowsers_neverKeepTheEvaluatorAlive() {
    List<Boolean> daemon = new CopyOnWriteArrayList<>();
    streams.open(
        BROWSER,
        "u-1",
        null,
        null,
        new Sinks.Recording() {
          @Override
          public void send(StreamEvent event) throws IOException {
            daemon.add(Thread.currentThread().isDaemon());
            super.send(event);
          }
        });
    await().atMost(SECONDS).until(() -> !daemon.isEmpty());
    assertThat(daemon).containsOnly(true);
  }

  @Test
  void theShortestLifetimes_stillOpenStreams() {
    streams =
        streams(
            new StreamSettings(
                Duration.ofSeconds(15),
                100,
                100,
                Duration.ofMillis(1),
                64,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5)));
    streams.open(BROWSER, "u-1", null, null, new Sinks.Recording());
    clock.advance(Duration.ofMillis(1));
    streams.sweep();
    assertThat(closed("lifetime")).isEqualTo(1);
  }
}
