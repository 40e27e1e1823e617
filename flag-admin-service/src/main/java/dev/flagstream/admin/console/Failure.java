package dev.flagstream.admin.console;

import dev.flagstream.contracts.flag.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a page shows of a refused action: the API's problem in words, and its violations by field,
 * so that a form can put each message beside the field it is about.
 *
 * @param status the API's status for the same refusal
 * @param message one sentence for the top of the form
 * @param fields the reason for each field that was refused, by the field's name in the API
 */
record Failure(int status, String message, Map<String, String> fields) {
  /** The page's words for a problem the services threw. */
  static Failure of(ErrorResponseException problem) {
    ProblemDetail detail = problem.getBody();
    int status = problem.getStatusCode().value();
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Object> properties = detail.getProperties();
    if (properties != null && properties.get("violations") instanceof List<?> violations) {
      for (Object each : violations) {
        if (each instanceof Violation violation) {
          fields.merge(violation.field(), violation.reason(), (a, b) -> a + "; " + b);
        }
      }
    }
    String message =
        switch (status) {
          case 400 ->
              fields.isEmpty() ? sentence(detail.getDetail()) : "Please correct the marked fields.";
          case 429 -> "Too many attempts. Try again in " + retryAfter(problem) + ".";
          default -> sentence(detail.getDetail());
        };
    return new Failure(status, message, fields);
  }

  /** The reason given for {@code field}, or null when it was not refused. */
  public @Nullable String field(String field) {
    return fields.get(field);
  }

  private static String retryAfter(ErrorResponseException problem) {
    String seconds = problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    if (seconds == null) {
      return "a few seconds";
    }
    return seconds.equals("1") ? "1 second" : seconds + " seconds";
  }

  private static String sentence(@Nullable String detail) {
    if (detail == null || detail.isBlank()) {
      return "That did not work.";
    }
    String text = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
    return text.endsWith(".") ? text : text + ".";
  }
}
