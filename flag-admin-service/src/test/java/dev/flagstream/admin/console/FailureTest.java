package dev.flagstream.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class FailureTest {
  @Test
  void of_violations_areGivenByFieldWithASentenceForTheForm() {
    Failure failure =
        Failure.of(
            Problems.invalid(
                List.of(
                    new Violation("name", "is taken"),
                    new Violation("metadata", "must be an object"),
                    new Violation("metadata", "is too large"))));

    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.message()).isEqualTo("Please correct the marked fields.");
    assertThat(failure.fields())
        .containsExactly(
            Map.entry("name", "is taken"),
            Map.entry("metadata", "must be an object; is too large"));
    assertThat(failure.field("name")).isEqualTo("is taken");
    assertThat(failure.field("description")).isNull();
  }

  @Test
  void of_otherProblems_sayTheirDetailAsASentence() {
    assertThat(Failure.of(Problems.conflict("a flag named 'x' already exists")).message())
        .isEqualTo("A flag named 'x' already exists.");
    assertThat(Failure.of(Problems.notFound("gone.")).message()).isEqualTo("Gone.");
    assertThat(Failure.of(Problems.preconditionFailed("changed")).status()).isEqualTo(412);
    assertThat(Failure.of(new ErrorResponseException(HttpStatus.BAD_REQUEST)).message())
        .isEqualTo("That did not work.");
    assertThat(Failure.of(Problems.invalid(List.of())).fields()).isEmpty();
  }

  @Test
  void of_throttling_saysHowLongToWait() {
    assertThat(Failure.of(Problems.tooManyRequests(Duration.ofSeconds(1), "wait")).message())
        .isEqualTo("Too many attempts. Try again in 1 second.");
    assertThat(Failure.of(Problems.tooManyRequests(Duration.ofSeconds(30), "wait")).message())
        .isEqualTo("Too many attempts. Try again in 30 seconds.");
    assertThat(Failure.of(new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS)).message())
        .isEqualTo("Too many attempts. Try again in a few seconds.");
  }
}
