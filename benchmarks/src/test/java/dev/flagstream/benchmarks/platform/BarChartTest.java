package dev.flagstream.benchmarks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BarChartTest {
  @Test
  void eachFigure_isABarAsLongAsItsShareOfTheScale_thePeersInGrey() {
    String svg =
        new BarChart("Title <with> & marks")
            .bar("ours", 2_500, "2,500")
            .peer("theirs", 5_000, "5,000")
            .note("a note")
            .svg();
    assertThat(svg)
        .startsWith("<svg")
        .contains(">Title &lt;with&gt; &amp; marks</text>")
        .contains("width=\"190.0\" height=\"26\" fill=\"#1f77b4\"")
        .contains("width=\"380.0\" height=\"26\" fill=\"#999999\"")
        .contains(">a note</text>")
        .endsWith("</svg>\n");
  }

  @Test
  void theScale_isTheNextRoundFigure() {
    assertThat(BarChart.niceCeiling(6_900)).isEqualTo(10_000);
    assertThat(BarChart.niceCeiling(1_900)).isEqualTo(2_000);
    assertThat(BarChart.niceCeiling(2_100)).isEqualTo(2_500);
    assertThat(BarChart.niceCeiling(0.35)).isEqualTo(0.5);
  }
}
