package dev.flagstream.evaluator.system;

import dev.flagstream.contracts.flag.Violation;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem of Flagstream's types: Spring MVC's own (404, 405,
 * 406, 415, unreadable bodies, and any other it raises), those the evaluator throws, and anything
 * unexpected, which becomes a 500 that reveals nothing.
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
    ProblemDetail problem =
        causedBy(e, BodySizeLimit.BodyTooLargeException.class) != null
            ? Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large")
            : Problems.invalid(JsonViolations.of(e)).getBody();
    return createResponseEntity(
        problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
  }

  /** Gives every problem a type of Flagstream's, and the problem media type whatever was asked. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.putAll(headers);
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(URI.create(Problems.TYPES + Problems.slug(status.value())));
      }
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return new ResponseEntity<>(body, problemHeaders, status);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Request failed", e);
    ProblemDetail problem =
        Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "the request failed on the server");
    return createResponseEntity(
        problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
  }

  /** The field and reason of a body that could not be read as the JSON the call expects. */
  private static final class JsonViolations {
    static List<Violation> of(HttpMessageNotReadableException e) {
      UnrecognizedPropertyException unknown = causedBy(e, UnrecognizedPropertyException.class);
      if (unknown != null) {
        return List.of(new Violation(path(unknown), "is not a field of this request"));
      }
      StreamConstraintsException limit = causedBy(e, StreamConstraintsException.class);
      if (limit != null) {
        return List.of(
            new Violation("", "the body exceeds a JSON limit: " + limit.getOriginalMessage()));
      }
      StreamReadException syntax = causedBy(e, StreamReadException.class);
      if (syntax != null) {
        return List.of(new Violation("", "the body is not valid JSON"));
      }
      JacksonException mapping = causedBy(e, JacksonException.class);
      if (mapping != null && !mapping.getPath().isEmpty()) {
        return List.of(new Violation(path(mapping), "has the wrong type or format"));
      }
      return List.of(new Violation("", "the body is missing or not valid JSON"));
    }

    private static String path(JacksonException e) {
      StringBuilder path = new StringBuilder();
      for (JacksonException.Reference reference : e.getPath()) {
        if (reference.getPropertyName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
      return path.toString();
    }
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
