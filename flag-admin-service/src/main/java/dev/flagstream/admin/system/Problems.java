package dev.flagstream.admin.system;

import dev.flagstream.contracts.flag.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the API answers with, in the format and the words the evaluator answers
 * with too: the {@code type} follows from the status alone, under {@value #TYPES} ({@code
 * invalid-request}, {@code unauthenticated}, {@code forbidden}, {@code payload-too-large}, {@code
 * internal}, else the reason phrase: {@code not-found}, {@code conflict}…); a 400 also lists its
 * {@code violations}, each naming the field and the reason.
 */
public final class Problems {
  /** Where every problem type of Flagstream lives. */
  public static final String TYPES = "https://flagstream.dev/problems/";

  // The evaluator's words too; other statuses are named after their reason phrase.
  private static final Map<Integer, String> SLUGS =
      Map.of(
          400, "invalid-request",
          401, "unauthenticated",
          403, "forbidden",
          413, "payload-too-large",
          500, "internal");

  private Problems() {}

  /** 400: the request is not acceptable; nothing was changed. */
  public static ErrorResponseException invalid(List<Violation> violations) {
    ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, summary(violations));
    problem.setTitle("Invalid request");
    problem.setProperty("violations", violations);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** 400 for a single field. */
  public static ErrorResponseException invalid(String field, String reason) {
    return invalid(List.of(new Violation(field, reason)));
  }

  /** 404: there is no such thing. */
  public static ErrorResponseException notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, detail);
  }

  /** 409: the change conflicts with what is stored; nothing was changed. */
  public static ErrorResponseException conflict(String detail) {
    return of(HttpStatus.CONFLICT, detail);
  }

  /** 412: the caller's precondition does not hold; nothing was changed. */
  public static ErrorResponseException preconditionFailed(String detail) {
    return of(HttpStatus.PRECONDITION_FAILED, detail);
  }

  /** 403: the caller's role may not do this. */
  public static ErrorResponseException forbidden(String detail) {
    return of(HttpStatus.FORBIDDEN, detail);
  }

  /**
   * 429 with {@code Retry-After} in whole seconds, at least one: the caller must wait before trying
   * again; nothing was changed.
   */
  public static ErrorResponseException tooManyRequests(Duration retryAfter, String detail) {
    ErrorResponseException problem = of(HttpStatus.TOO_MANY_REQUESTS, detail);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
    return problem;
  }

  /** A wait as {@code Retry-After} states it: whole seconds, rounded up, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** A problem of {@code status}, with the type Flagstream gives that status. */
  public static ProblemDetail detail(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(typeOf(status.value()));
    return problem;
  }

  /**
   * The type of every problem of {@code status}: {@code …/invalid-request}, {@code …/not-found}.
   */
  public static URI typeOf(int status) {
    return URI.create(TYPES + slug(status));
  }

  /** The last segment of the type of {@code status}. */
  static String slug(int status) {
    String slug = SLUGS.get(status);
    if (slug != null) {
      return slug;
    }
    HttpStatus known = HttpStatus.resolve(status);
    return known == null
        ? "http-" + status
        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static ErrorResponseException of(HttpStatus status, String detail) {
    return new ErrorResponseException(status, detail(status, detail), null);
  }

  private static String summary(List<Violation> violations) {
    if (violations.size() == 1) {
      Violation violation = violations.get(0);
      return violation.field() + " " + violation.reason();
    }
    return violations.size() + " fields are invalid; see violations";
  }
}
