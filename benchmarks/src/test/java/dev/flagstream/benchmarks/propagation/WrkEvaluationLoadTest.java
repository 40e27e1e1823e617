package dev.flagstream.benchmarks.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkEvaluationLoadTest {

  @Test
  void pace_spreadsTheRateOverConnections_eachAskingAtMost200TimesASecond_answerIncluded() {
    assertThat(WrkEvaluationLoad.Pace.of(5000)).isEqualTo(new WrkEvaluationLoad.Pace(25, 4));
    assertThat(WrkEvaluationLoad.Pace.of(100)).isEqualTo(new WrkEvaluationLoad.Pace(1, 9));
    assertThat(WrkEvaluationLoad.Pace.of(300)).isEqualTo(new WrkEvaluationLoad.Pace(2, 6));
    assertThat(WrkEvaluationLoad.Pace.of(1)).isEqualTo(new WrkEvaluationLoad.Pace(1, 999));
    assertThat(WrkEvaluationLoad.Pace.of(1000)).isEqualTo(new WrkEvaluationLoad.Pace(5, 4));
    assertThat(WrkEvaluationLoad.Pace.of(0))
        .as("never zero connections")
        .isEqualTo(new WrkEvaluationLoad.Pace(1, 999));
  }

  @Test
  void script_asksForEachFlagInTurn_withTheKey_andWaitsBetweenRequests() {
    String script = WrkEvaluationLoad.script("fss_key", List.of("probe", "load-1"), 5);

    assertThat(script)
        .contains("local flags = {\"probe\", \"load-1\"}")
        .contains("\"/api/flags/\" .. flag .. \"/evaluation?userId=user-\" .. n")
        .contains("[\"Authorization\"] = \"Bearer fss_key\"")
        .contains("return 5")
        .contains("string.format(\"FLAGSTREAM requests=%d failed=%d micros=%d\\n\"");
  }

  @Test
  void summary_readsTheLineTheScriptPrints_amongWrksOwnOutput() {
    String output =
        "Running 60s test @ http://localhost:3002\n"
            + "  1 threads and 25 connections\n"
            + "Requests/sec:   4812.33\n"
            + "FLAGSTREAM requests=288740 failed=3 micros=60001234\n";

    assertThat(WrkEvaluationLoad.summary(output)).containsExactly(288740, 3, 60001234);
    assertThatThrownBy(() -> WrkEvaluationLoad.summary("unable to connect to localhost:3002"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unable to connect");
  }
}
