package dev.flagstream.benchmarks.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkGeneratorTest {
  @Test
  void theScript_postsANewUserEachRequest_toTheScenariosPath_withTheClientKey() {
    String script = WrkGenerator.script(Scenario.EVERY_VALUE, "client-key", List.of("a", "b"));
    assertThat(script)
        .contains("\"Bearer client-key\"")
        .contains("wrk.format(\"POST\", \"/api/evaluations/values\", headers,")
        .contains("'{\"userId\":\"user-' .. n .. '\"}'")
        .contains("latency:percentile(99)");
  }

  @Test
  void theScript_forOneFlag_asksEachFlagInTurn() {
    String script = WrkGenerator.script(Scenario.ONE_FLAG, "k", List.of("a", "b"));
    assertThat(script)
        .contains("local flags = {\"a\", \"b\"}")
        .contains("flags[(n % #flags) + 1]")
        .contains("\"/evaluation?userId=user-\" .. n")
        .contains("wrk.format(\"GET\"");
  }

  @Test
  void theSummary_givesAnsweredRequests_failuresAndLatencies() {
    Measured measured =
        WrkGenerator.measured(
            Scenario.EVERY_FLAG,
            "Running 1s test\nFLAGSTREAM requests=1010 failed=10 micros=2000000 p50=812 p99=2405.5\n",
            1.5);
    assertThat(measured.requests()).isEqualTo(1000);
    assertThat(measured.failed()).isEqualTo(10);
    assertThat(measured.seconds()).isEqualTo(2.0);
    assertThat(measured.perSecond()).isEqualTo(500.0);
    assertThat(measured.p50Micros()).isEqualTo(812.0);
    assertThat(measured.p99Micros()).isEqualTo(2405.5);
    assertThat(measured.evaluatorCores()).isEqualTo(0.75);
    assertThat(measured.perCpuSecond()).isCloseTo(666.7, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void noSummary_isAnError_thatShowsWhatWrkSaid() {
    assertThatThrownBy(() -> WrkGenerator.measured(Scenario.ONE_FLAG, "unable to connect", 1))
        .hasMessageContaining("unable to connect");
  }
}
