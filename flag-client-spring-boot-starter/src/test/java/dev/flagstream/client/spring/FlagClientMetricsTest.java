package dev.flagstream.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.ClientStatus;
import dev.flagstream.client.FlagChanged;
import dev.flagstream.client.spring.fixtures.ScriptedFlagClient;
import dev.flagstream.contracts.flag.Flag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlagClientMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptedFlagClient client =
      new ScriptedFlagClient()
          .holding(Flag.builder("a").enabled(true).build())
          .holding(Flag.builder("b").build())
          .in(ClientStatus.STALE, 42, Duration.ofMillis(2_500));

  @Test
  void gauges_readTheClientsDataAgeInSeconds_revision_flagCount_andStatus() {
    new FlagClientMetrics(client, clock).bindTo(registry);
    assertThat(gauge("flagstream.client.data.age")).isEqualTo(2.5);
    assertThat(gauge("flagstream.client.revision")).isEqualTo(42);
    assertThat(gauge("flagstream.client.flags")).isEqualTo(2);
    assertThat(registry.get("flagstream.client.status").tag("status", "STALE").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get("flagstream.client.status").tag("status", "READY").gauge().value())
        .isZero();
  }

  @Test
  void aChangeFromTheStream_recordsTheTimeFromItsCommit() {
    new FlagClientMetrics(client, clock).bindTo(registry);
    client.fire(change(NOW.minusMillis(40)));
    Timer lag = registry.get("flagstream.client.propagation.lag").timer();
    assertThat(lag.count()).isEqualTo(1);
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
  }

  @Test
  void aChangeCommittedAfterTheClocksNow_recordsNoLagRatherThanANegativeOne() {
    new FlagClientMetrics(client, clock).bindTo(registry);
    client.fire(change(NOW.plusMillis(5)));
    Timer lag = registry.get("flagstream.client.propagation.lag").timer();
    assertThat(lag.count()).isEqualTo(1);
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void aChangeWithoutACommitTime_fromASnapshot_recordsNoLag() {
    new FlagClientMetrics(client, clock).bindTo(registry);
    client.fire(change(null));
    assertThat(registry.get("flagstream.client.propagation.lag").timer().count()).isZero();
  }

  @Test
  void aClientNotCountingEvaluations_getsNoEvaluationCounters() {
    new FlagClientMetrics(client, clock).bindTo(registry);
    assertThat(registry.find("flagstream.client.evaluations").meters()).isEmpty();
  }

  @Test
  void theStartersCountingClient_getsEvaluationCountersByFlagAndValue() {
    CountingFlagClient counting =
        new CountingFlagClient(client.answering(true), new EvaluationCounts(10));
    new FlagClientMetrics(counting, clock).bindTo(registry);
    counting.isEnabled("a", "user-1", false);
    counting.isEnabled("a", "user-2", false);
    assertThat(evaluations("a", "true")).isEqualTo(2);
    assertThat(evaluations("a", "false")).isZero();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private double evaluations(String flag, String value) {
    return registry
        .get("flagstream.client.evaluations")
        .tag("flag", flag)
        .tag("value", value)
        .functionCounter()
        .count();
  }

  private static FlagChanged change(Instant committedAt) {
    Flag flag = Flag.builder("a").enabled(false).build();
    return new FlagChanged("a", null, flag, committedAt);
  }
}
