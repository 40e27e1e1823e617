package dev.flagstream.evaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.snapshot.FlagSnapshot;
import dev.flagstream.evaluator.fixtures.MutableClock;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoreStateTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ScriptedFlagClient flags =
      new ScriptedFlagClient().status(ClientStatus.STARTING).revision(42);
  private final StoreState state = new StoreState(flags, meters, clock);

  private Timer propagation() {
    return meters.get("flagstream.store.propagation").timer();
  }

  private void changed(Duration ago) {
    Flag flag = Flag.builder("f").enabled(true).build();
    flags.announce(new FlagChanged("f", null, flag, clock.instant().minus(ago)));
  }

  @Test
  void propagation_timesOnlyChangesAppliedAfterCatchingUp_notTheReplayAtStart() {
    changed(Duration.ofDays(3)); // history, read while starting
    assertThat(propagation().count()).isZero();
    flags.status(ClientStatus.READY);
    changed(Duration.ofMillis(40));
    assertThat(propagation().count()).isEqualTo(1);
    assertThat(propagation().max(TimeUnit.MILLISECONDS)).isEqualTo(40);
    flags.status(ClientStatus.STALE);
    changed(Duration.ofMillis(20));
    assertThat(propagation().count()).as("still caught up once stale").isEqualTo(2);
  }

  @Test
  void propagation_ignoresCommitsInTheFuture_whichAreClockSkew() {
    flags.status(ClientStatus.READY);
    changed(Duration.ofSeconds(-5));
    assertThat(propagation().count()).isZero();
  }

  @Test
  void theSnapshot_isFreshAsOfNowMinusTheDataAge() {
    flags.set(Flag.builder("f").enabled(true).build()).dataAge(Duration.ofSeconds(75));
    FlagSnapshot snapshot = state.snapshot();
    assertThat(snapshot.generatedAt()).isEqualTo(clock.instant());
    assertThat(snapshot.freshAt()).isEqualTo(clock.instant().minusSeconds(75));
    assertThat(snapshot.revision()).isEqualTo(42);
    assertThat(snapshot.digest()).isEqualTo(state.digest());
    assertThat(meters.get("flagstream.store.digest").gauge().value()).isPositive();
  }
}
