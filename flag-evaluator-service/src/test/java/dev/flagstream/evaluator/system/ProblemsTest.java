package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void everyStatus_hasAFlagstreamType_theAdminServicesWordsWhereItHasThem() {
    assertThat(Problems.slug(400)).isEqualTo("invalid-request");
    assertThat(Problems.slug(413)).isEqualTo("payload-too-large");
    assertThat(Problems.slug(415)).isEqualTo("unsupported-media-type");
    assertThat(Problems.slug(429)).isEqualTo("too-many-requests");
    assertThat(Problems.slug(599)).isEqualTo("http-599");
  }

  @Test
  void tomcatsReport_isAMinimalProblem_withoutAnythingFromTheRequest() {
    assertThat(ProblemReportValve.body(400))
        .isEqualTo(
            "{\"type\":\"https://flagstream.dev/problems/invalid-request\",\"title\":\"Bad"
                + " Request\",\"status\":400,\"detail\":\"the web server refused the request"
                + " before it reached the service\"}");
    assertThat(ProblemReportValve.body(503)).contains("\"status\":503", "failed on the server");
  }
}
