package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

  @Test
  void retryAfter_isWholeSecondsRoundedUp_atLeastOne() {
    assertThat(Problems.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(Problems.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
  }

  @Test
  void containerProblems_areValidProblemJson_forEveryStatus() {
    for (int status : new int[] {400, 401, 404, 405, 413, 431, 500, 503, 599}) {
      JsonNode problem = JsonMapper.builder().build().readTree(ProblemReportValve.body(status));
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("type").asString()).startsWith("https://flagstream.dev/problems/");
      assertThat(problem.get("title").asString()).isNotBlank();
      assertThat(problem.get("detail").asString()).isNotBlank();
    }
    assertThat(Problems.typeOf(400).toString()).endsWith("/bad-request");
    assertThat(Problems.typeOf(599).toString()).endsWith("/http-599");
  }
}
