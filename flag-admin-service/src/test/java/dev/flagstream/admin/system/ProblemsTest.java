package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.ProblemTypes;
import dev.flagstream.contracts.flag.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
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
  void aRefusedRequest_isA400_whoseDetailSummarisesItsViolations() {
    ErrorResponseException one = Problems.invalid("name", "is required");
    assertThat(one.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(one.getBody().getDetail()).isEqualTo("name is required");
    assertThat(one.getBody().getProperties())
        .containsEntry("violations", List.of(new Violation("name", "is required")));
    List<Violation> three =
        List.of(
            new Violation("name", "is required"),
            new Violation("enabled", "must be true or false"),
            new Violation("metadata", "must be a JSON object"));
    assertThat(Problems.invalid(three).getBody().getDetail())
        .isEqualTo("3 fields are invalid; see violations");
    assertThat(Problems.invalid(three).getBody().getProperties())
        .containsEntry("violations", three);
  }

  @Test
  void everyProblem_carriesItsStatusAndTheDetailItWasGiven() {
    assertThat(Problems.notFound("no flag named 'a'").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Problems.notFound("no flag named 'a'").getBody().getDetail())
        .isEqualTo("no flag named 'a'");
    assertThat(Problems.conflict("exists").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(Problems.preconditionFailed("changed").getStatusCode())
        .isEqualTo(HttpStatus.PRECONDITION_FAILED);
    assertThat(Problems.forbidden("viewer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ErrorResponseException wait = Problems.tooManyRequests(Duration.ofMillis(2500), "slow down");
    assertThat(wait.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(wait.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
    assertThat(wait.getBody().getDetail()).isEqualTo("slow down");
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
