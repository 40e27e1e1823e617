package dev.flagstream.admin.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to a response, for filters that answer before any controller. */
@Component
public final class ProblemWriter {
  /** Sent with every problem, so that no browser takes one for anything but JSON. */
  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** Answers {@code status} with the type Flagstream gives it and {@code detail}. */
  public void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(CONTENT_TYPE_OPTIONS, "nosniff");
    json.writeValue(response.getOutputStream(), Problems.detail(status, detail));
  }
}
