package dev.flagstream.evaluator.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to a response, for filters that answer before any controller. */
@Component
public final class ProblemWriter {
  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** Answers {@code status} with the type Flagstream gives it and {@code detail}. */
  public void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    write(response, Problems.detail(status, detail));
  }

  /** Answers with {@code problem}, replacing whatever body the response had buffered. */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
    json.writeValue(response.getOutputStream(), problem);
  }
}
