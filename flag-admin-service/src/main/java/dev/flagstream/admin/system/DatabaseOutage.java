package dev.flagstream.admin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when the database is away, wherever the request met it: in a
 * controller, or before one, where sessions are loaded and API tokens checked. Nothing was changed,
 * and the same request may well succeed shortly, so it is no 500 blaming the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public final class DatabaseOutage extends OncePerRequestFilter {
  static final long RETRY_AFTER_SECONDS = 5;
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  private final ProblemWriter problems;

  DatabaseOutage(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!isDatabaseAway(e) || response.isCommitted()) {
        throw e;
      }
      response.reset(); // drops the request id header too: the answer sets it again
      answer(request, response, e);
    }
  }

  /** Whether {@code failure} says the database could not be reached or serve for now. */
  static boolean isDatabaseAway(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientException) {
        return true;
      }
    }
    return false;
  }

  /** Writes the 503 problem for a request that met {@code failure}. */
  void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    // Read from the request: this filter runs before Spring binds the request to the thread.
    String requestId = RequestIds.of(request);
    log.atWarn()
        .setMessage("Request {} found the database unavailable: {}")
        .addArgument(requestId)
        .addArgument(failure.getMessage())
        .addKeyValue("event", "database.unavailable")
        .log();
    if (requestId != null) {
      response.setHeader(RequestIds.HEADER, requestId);
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
    problems.write(
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "the database cannot serve the request just now; nothing was changed, try again shortly");
  }
}
