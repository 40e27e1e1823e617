package dev.flagstream.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.fixtures.CapturedLog;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The refresh on a ticker the test moves, with a snapshot source it controls. */
class SnapshotRefresherTest {
  private static final Instant WALL = Instant.parse("2026-11-29T12:00:00Z");
  private static final Duration NORMAL = Duration.ofSeconds(60);
  private static final Duration STALE = Duration.ofSeconds(2);

  private final AtomicLong now = new AtomicLong(7_000);
  private final Clock clock = Clock.fixed(WALL, ZoneOffset.UTC);
  private final FlagStore store = new FlagStore(now::get);
  private final List<FlagChanged> changes = new CopyOnWriteArrayList<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile FlagSnapshot served = snapshot(WALL, flag("a", 1));
  private volatile boolean failing;

  private static Flag flag(String name, long version) {
    return Flag.builder(name).enabled(true).rolloutPercentage(100).version(version).build();
  }

  private static FlagSnapshot snapshot(Instant freshAt, Flag... flags) {
    return FlagSnapshot.of(List.of(flags), FlagSnapshot.UNKNOWN_REVISION, freshAt, freshAt);
  }

  private FlagSnapshot fetch() throws IOException {
    fetches.incrementAndGet();
    if (failing) {
      throw new IOException("snapshot endpoint down, for the test");
    }
    return served;
  }

  private SnapshotRefresher refresher(StatusTracker status, boolean dueAtOnce) {
    return refresher(status, dueAtOnce, this::fetch);
  }

  private SnapshotRefresher refresher(
      StatusTracker status, boolean dueAtOnce, SnapshotRefresher.Fetch fetch) {
    return new SnapshotRefresher(
        fetch,
        "test endpoint",
        (snapshot, requestedAt) -> store.reconcile(snapshot, requestedAt).forEach(changes::add),
        status,
        new RefreshSchedule(NORMAL, STALE, now::get, () -> 0.5, dueAtOnce),
        clock,
        now::get);
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void withoutAStream_theFirstRefreshIsAtOnce_andFailuresRetryAtTheStaleInterval() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), false);
    SnapshotRefresher refresher = refresher(status, true);
    refresher.refreshIfDue();
    assertThat(status.status()).isEqualTo(ClientStatus.READY);
    assertThat(store.get("a")).isNotNull();
    assertThat(changes).extracting(FlagChanged::name).containsExactly("a");

    failing = true;
    advance(NORMAL);
    refresher.refreshIfDue();
    assertThat(status.status()).isEqualTo(ClientStatus.STALE);
    assertThat(store.get("a")).as("a failed refresh keeps the flags").isNotNull();
    advance(STALE);
    refresher.refreshIfDue();
    assertThat(fetches).hasValue(3);

    failing = false;
    served = snapshot(WALL, flag("a", 2));
    advance(STALE);
    refresher.refreshIfDue();
    assertThat(status.status()).isEqualTo(ClientStatus.READY);
    assertThat(store.get("a").flag().version()).isEqualTo(2);
    advance(STALE);
    refresher.refreshIfDue();
    assertThat(fetches).as("healthy: back to the normal interval").hasValue(4);
  }

  @Test
  void withAStream_refreshesEveryFewSecondsWhileStale_andAgesTheDataByTheSnapshot() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), true);
    SnapshotRefresher refresher = refresher(status, false);
    status.streamCaughtUp();
    advance(NORMAL.minusSeconds(1));
    refresher.refreshIfDue();
    assertThat(fetches).hasValue(0);

    status.brokersUnreachable();
    served = snapshot(WALL.minusSeconds(5), flag("kill-switch", 2));
    refresher.refreshIfDue();
    assertThat(fetches).as("stale: due at once").hasValue(1);
    assertThat(store.get("kill-switch")).isNotNull();
    assertThat(status.status())
        .as("the stream is the source of changes")
        .isEqualTo(ClientStatus.STALE);
    assertThat(status.dataAge()).isEqualTo(Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      advance(STALE);
      refresher.refreshIfDue();
    }
    assertThat(fetches).hasValue(6);

    status.brokersAnswered();
    advance(STALE);
    refresher.refreshIfDue();
    assertThat(fetches).as("ready again: the normal interval").hasValue(6);
  }

  @Test
  void withAStream_noRefreshAtTheStaleIntervalWhileRecordsKeepArriving_beforeCatchingUp() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), true);
    SnapshotRefresher refresher = refresher(status, false);
    for (int i = 0; i < 10; i++) {
      advance(STALE);
      status.streamDelivered();
      refresher.refreshIfDue();
    }
    assertThat(fetches).as("the stream reads its way to the topic's end").hasValue(0);

    advance(STALE.plusSeconds(1));
    refresher.refreshIfDue();
    assertThat(fetches).as("records stopped coming before the end: stale, so due").hasValue(1);
    assertThat(store.get("a")).isNotNull();
  }

  @Test
  void aSnapshotFromTheFuture_countsAsFreshNow_andAgesFromNow() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), false);
    served = snapshot(WALL.plusSeconds(30), flag("a", 1));
    refresher(status, true).refreshIfDue();
    assertThat(status.dataAge()).isZero();
    advance(Duration.ofSeconds(10));
    assertThat(status.dataAge()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aSnapshotCenturiesOld_countsAsVeryOld_notAsFresh() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), false);
    served = snapshot(Instant.parse("1700-01-01T00:00:00Z"), flag("a", 1));
    refresher(status, true).refreshIfDue();
    assertThat(store.get("a")).isNotNull();
    assertThat(status.dataAge()).isGreaterThan(Duration.ofDays(100 * 365));
  }

  @Test
  void aRefreshInterruptedByClose_keepsTheInterrupt_andIsNoFailure() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), false);
    SnapshotRefresher refresher =
        refresher(
            status,
            true,
            () -> {
              throw new InterruptedException("closed, for the test");
            });
    try {
      refresher.refreshIfDue();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(status.status()).isEqualTo(ClientStatus.STARTING);
    assertThat(store.flags()).isEmpty();
  }

  @Test
  void anOutage_isWarnedOfOnce_andItsEndToldOnce() {
    StatusTracker status = new StatusTracker(now::get, Duration.ofSeconds(10), false);
    SnapshotRefresher refresher = refresher(status, true);
    try (CapturedLog log = CapturedLog.capture()) {
      refresher.refreshIfDue();
      failing = true;
      for (int i = 0; i < 3; i++) {
        advance(NORMAL.multipliedBy(2));
        refresher.refreshIfDue();
      }
      failing = false;
      for (int i = 0; i < 2; i++) {
        advance(NORMAL.multipliedBy(2));
        refresher.refreshIfDue();
      }
      assertThat(fetches).hasValue(6);
      assertThat(log.linesWith("Snapshot refresh failed")).hasSize(1);
      assertThat(log.linesWith("Snapshot refresh works again")).hasSize(1);
      failing = true;
      advance(NORMAL.multipliedBy(2));
      refresher.refreshIfDue();
      assertThat(log.linesWith("Snapshot refresh failed")).as("a new outage").hasSize(2);
    }
  }
}
