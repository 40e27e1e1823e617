package dev.flagstream.admin.system;

import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem: bad input into 400 with the field and the reason,
 * and anything unexpected into a 500 that reveals nothing but the request id.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(e, BodySizeLimit.BodyTooLargeException.class) != null) {
      return problem(
          Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large"));
    }
    return problem(Problems.invalid(violationOf(e)).getBody());
  }

  /**
   * Gives the problems Spring MVC makes itself (405, 406, 415…) a type of ours too, and every
   * problem the problem media type whatever the request accepts, as the evaluator does.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.putAll(headers);
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(Problems.typeOf(status.value()));
      }
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return new ResponseEntity<>(body, problemHeaders, status);
  }

  private static List<Violation> violationOf(HttpMessageNotReadableException e) {
    UnrecognizedPropertyException unknown = causedBy(e, UnrecognizedPropertyException.class);
    if (unknown != null) {
      return List.of(new Violation(path(unknown), "is not a field that can be set here"));
    }
    StreamReadException syntax = causedBy(e, StreamReadException.class);
    if (syntax != null) {
      return List.of(
          new Violation("", "the body is not valid JSON: " + syntax.getOriginalMessage()));
    }
    JacksonException mapping = causedBy(e, JacksonException.class);
    if (mapping != null && !mapping.getPath().isEmpty()) {
      return List.of(new Violation(path(mapping), "has the wrong type or format"));
    }
    return List.of(new Violation("", "the body is missing or not valid JSON"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return problem(
        Problems.invalid(e.getName(), "must be a valid " + expected.toLowerCase(Locale.ROOT))
            .getBody());
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e) {
    return problem(
        Problems.detail(
            HttpStatus.UNAUTHORIZED, Objects.requireNonNullElse(e.getMessage(), "sign in first")));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
    log.warn("A write broke a database constraint that validation should have caught", e);
    return problem(Problems.detail(HttpStatus.CONFLICT, "the change conflicts with stored data"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) throws Exception {
    if (e instanceof AccessDeniedException) {
      throw e; // the security filter chain answers these
    }
    if (DatabaseOutage.isDatabaseAway(e)) {
      throw e; // answered as 503 by DatabaseOutage, like failures before any controller
    }
    log.error("Request {} failed", RequestIds.current(), e);
    return problem(
        Problems.detail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "the request failed; quote request id " + RequestIds.current() + " when reporting it"));
  }

  private static ResponseEntity<Object> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
