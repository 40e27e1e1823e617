package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.ProblemTypes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
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
  void theType_followsFromTheStatus_inTheEvaluatorsWords() {
    ProblemTypes.SLUGS.forEach(
        (status, slug) -> assertThat(Problems.typeOf(status)).hasToString(ProblemTypes.of(status)));
    assertThat(Problems.typeOf(599))
        .as("a status without a name")
        .hasToString(ProblemTypes.BASE + "http-599");
  }

  @Test
  void everyWayOfMakingAProblem_givesItsStatusTheSameType() {
    assertThat(Problems.invalid("f", "is wrong").getBody().getType())
        .isEqualTo(Problems.typeOf(400));
    assertThat(Problems.invalid("f", "is wrong").getBody().getTitle()).isEqualTo("Invalid request");
    assertThat(Problems.notFound("x").getBody().getType()).isEqualTo(Problems.typeOf(404));
    assertThat(Problems.conflict("x").getBody().getType()).isEqualTo(Problems.typeOf(409));
    assertThat(Problems.preconditionFailed("x").getBody().getType())
        .isEqualTo(Problems.typeOf(412));
    assertThat(Problems.forbidden("x").getBody().getType()).isEqualTo(Problems.typeOf(403));
    assertThat(Problems.tooManyRequests(Duration.ofSeconds(3), "x").getBody().getType())
        .isEqualTo(Problems.typeOf(429));
    assertThat(Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "x").getType())
        .isEqualTo(Problems.typeOf(413));
  }

  @Test
  void containerProblems_areValidProblemJson_forEveryStatus() {
    for (int status : new int[] {400, 401, 404, 405, 413, 431, 500, 503, 599}) {
      JsonNode problem = JsonMapper.builder().build().readTree(ProblemReportValve.body(status));
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("type").asString()).isEqualTo(Problems.typeOf(status).toString());
      assertThat(problem.get("title").asString()).isNotBlank();
      assertThat(problem.get("detail").asString()).isNotBlank();
    }
  }
}
