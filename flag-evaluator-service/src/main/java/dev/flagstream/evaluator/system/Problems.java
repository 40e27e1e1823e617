package dev.flagstream.evaluator.system;

import dev.flagstream.contracts.flag.Violation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems the evaluator answers with. Each has a stable {@code type} under {@value
 * #TYPES}; a 400 also lists its {@code violations}, each naming the field and the reason.
 */
public final class Problems {
  /** Where every problem type of Flagstream lives. */
  public static final String TYPES = "https://flagstream.dev/problems/";

  // The words the admin service uses too; other statuses are named after their reason phrase.
  private static final Map<Integer, String> SLUGS =
      Map.of(
          400, "invalid-request",
          401, "unauthenticated",
          403, "forbidden",
          413, "payload-too-large",
          500, "internal");

  private Problems() {}

  /** A problem of {@code status} whose type is {@code type} under {@value #TYPES}. */
  public static ProblemDetail detail(HttpStatusCode status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    return problem;
  }

  /** A problem of {@code status} with the type Flagstream gives that status. */
  public static ProblemDetail detail(HttpStatusCode status, String detail) {
    return detail(status, slug(status.value()), detail);
  }

  /** Thrown, answers {@code status} with the type Flagstream gives it and {@code detail}. */
  public static ErrorResponseException of(HttpStatus status, String detail) {
    return new ErrorResponseException(status, detail(status, detail), null);
  }

  /** 400: the request is not acceptable; nothing was done. */
  public static ErrorResponseException invalid(List<Violation> violations) {
    String summary =
        violations.size() == 1
            ? violations.get(0).field() + " " + violations.get(0).reason()
            : violations.size() + " fields are invalid; see violations";
    ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, summary);
    problem.setTitle("Invalid request");
    problem.setProperty("violations", violations);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  /** 400 for a single field. */
  public static ErrorResponseException invalid(String field, String reason) {
    return invalid(List.of(new Violation(field, reason)));
  }

  /**
   * A problem as JSON text, for the few places that answer before any message converter: fixed text
   * only, as it is not escaped.
   */
  public static String json(int status, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return "{\"type\":\""
        + TYPES
        + slug(status)
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }

  /** The type slug of {@code status}: {@code invalid-request}, {@code not-found}… */
  public static String slug(int status) {
    String slug = SLUGS.get(status);
    if (slug != null) {
      return slug;
    }
    HttpStatus known = HttpStatus.resolve(status);
    return known == null
        ? "http-" + status
        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
