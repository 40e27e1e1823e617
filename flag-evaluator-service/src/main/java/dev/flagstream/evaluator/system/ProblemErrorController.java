package dev.flagstream.evaluator.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when an error escaped everything else (an
 * exception in a filter, a {@code sendError}): a problem of the status, in place of Spring Boot's
 * own JSON. Asked for directly, there is nothing here.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode status =
        code instanceof Integer value && value >= 400
            ? HttpStatusCode.valueOf(value)
            : HttpStatus.NOT_FOUND;
    String detail =
        status.is5xxServerError()
            ? "the request failed on the server"
            : status.value() == 404 ? "nothing is served at this path" : "the request was refused";
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.detail(status, detail));
  }
}
