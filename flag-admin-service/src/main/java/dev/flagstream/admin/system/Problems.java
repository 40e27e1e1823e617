package dev.flagstream.admin.system;

import dev.flagstream.contracts.flag.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the API answers with. Each has a stable {@code type} URI; bad input also
 * lists its {@code violations}, each naming the field and the reason.
 */
public final class Problems {
  private static final String TYPES = "https://flagstream.dev/problems/";

  private Problems() {}

  /** 400: the request is not acceptable; nothing was changed. */
  public static ErrorResponseException invalid(List<Violation> violations) {
    ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "invalid-request", summary(violations));
    problem.setTitle("Invalid request");
    problem.setProperty("violations", violations);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** 400 for a single field. */
  public static ErrorResponseException invalid(String field, String reason) {
    return invalid(List.of(new Violation(field, reason)));
  }

  public static ErrorResponseException notFound(String detail) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND, detail(HttpStatus.NOT_FOUND, "not-found", detail), null);
  }

  public static ErrorResponseException conflict(String detail) {
    return new ErrorResponseException(
        HttpStatus.CONFLICT, detail(HttpStatus.CONFLICT, "conflict", detail), null);
  }

  public static ErrorResponseException preconditionFailed(String detail) {
    return new ErrorResponseException(
        HttpStatus.PRECONDITION_FAILED,
        detail(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail),
        null);
  }

  /** 403: the caller's role may not do this. */
  public static ErrorResponseException forbidden(String detail) {
    return new ErrorResponseException(
        HttpStatus.FORBIDDEN, detail(HttpStatus.FORBIDDEN, "forbidden", detail), null);
  }

  /**
   * 429 with {@code Retry-After} in whole seconds, at least one: the caller must wait before trying
   * again; nothing was changed.
   */
  public static ErrorResponseException tooManyRequests(Duration retryAfter, String detail) {
    ErrorResponseException problem =
        new ErrorResponseException(
            HttpStatus.TOO_MANY_REQUESTS,
            detail(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail),
            null);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
    return problem;
  }

  /** A wait as {@code Retry-After} states it: whole seconds, rounded up, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** The type of a problem of {@code status} that has no type of its own: its reason, as a slug. */
  public static URI typeOf(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String slug =
        known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return URI.create(TYPES + slug);
  }

  /** A problem of {@code status} with its type under Flagstream's problem types. */
  public static ProblemDetail detail(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    return problem;
  }

  private static String summary(List<Violation> violations) {
    if (violations.size() == 1) {
      Violation violation = violations.get(0);
      return violation.field() + " " + violation.reason();
    }
    return violations.size() + " fields are invalid; see violations";
  }
}
