package dev.flagstream.admin.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as a minimal RFC 9457 problem instead of an HTML page: for errors the
 * container answers itself (a URI it will not decode, such as an encoded slash) and for errors sent
 * without a body ({@code sendError}, as the security firewall does). Says nothing of the server,
 * the request or the failure beyond the status. Public for Tomcat to make one.
 */
public final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // as Tomcat's own report: only errors, only once, only when nothing was written yet
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(ProblemWriter.CONTENT_TYPE_OPTIONS, "nosniff");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(body(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response already closed: there is no one left to tell
    }
  }

  static String body(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return "{\"type\":\""
        + Problems.typeOf(status)
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail(status)
        + "\"}";
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the request is malformed: its path, a header or its framing cannot be accepted";
      case 404 -> "there is nothing at this path";
      case 405 -> "this path does not take that method";
      case 413, 431 -> "the request is too large";
      default ->
          status >= 500
              ? "the server could not answer the request"
              : "the request cannot be answered";
    };
  }
}
