package dev.flagstream.evaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.evaluator.fixtures.MutableClock;
import dev.flagstream.evaluator.fixtures.ScriptedFlagClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ReaderLivenessTest {
  private final ScriptedFlagClient flags = new ScriptedFlagClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final ReaderLiveness liveness = new ReaderLiveness(flags, clock, Duration.ofMinutes(2));

  @Test
  void aStoreInErrorLongerThanTheGrace_isNotAlive_soItIsRestarted() {
    flags.status(ClientStatus.ERROR);
    clock.advance(Duration.ofMinutes(2));
    assertThat(liveness.health().getStatus()).as("within the grace").isEqualTo(Status.UP);
    clock.advance(Duration.ofSeconds(1));
    assertThat(liveness.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(liveness.health().getDetails()).containsEntry("errorSeconds", 121L);
  }

  @Test
  void aStoreThatRecovers_startsItsGraceAnew() {
    flags.status(ClientStatus.ERROR);
    clock.advance(Duration.ofMinutes(1));
    flags.status(ClientStatus.READY);
    assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
    flags.status(ClientStatus.ERROR);
    clock.advance(Duration.ofMinutes(1).plusSeconds(30));
    assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void staleAndStartingStores_areAlive_however_long() {
    flags.status(ClientStatus.STALE);
    clock.advance(Duration.ofHours(5));
    assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
    flags.status(ClientStatus.STARTING);
    clock.advance(Duration.ofHours(5));
    assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void anErrorTheListenerMissed_countsFromWhenTheProbeFirstSeesIt() {
    ScriptedFlagClient silent = new ScriptedFlagClient().status(ClientStatus.ERROR);
    ReaderLiveness late = new ReaderLiveness(silent, clock, Duration.ofMinutes(2));
    assertThat(late.health().getStatus()).isEqualTo(Status.UP);
    clock.advance(Duration.ofMinutes(3));
    assertThat(late.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
