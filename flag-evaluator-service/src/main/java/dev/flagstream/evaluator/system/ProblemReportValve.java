package dev.flagstream.evaluator.system;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, as problem+json instead of an HTML page: what answers the errors Tomcat
 * raises before any filter or servlet runs (a request line it cannot parse, an encoded slash in a
 * path, a path outside the context). The body is fixed text per status, never the request's.
 */
final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return; // not an error, or one that already has its body
    }
    AtomicBoolean ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return; // the connection is gone
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("utf-8");
      response.setHeader(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
      response.setHeader("Cache-Control", "no-store");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write(body(status));
        response.finishResponse();
      }
    } catch (Exception | LinkageError e) {
      container.getLogger().warn("Could not write the error report", e);
    }
  }

  static String body(int status) {
    String detail =
        status >= 500
            ? "the request failed on the server"
            : status == 404
                ? "nothing is served at this path"
                : "the web server refused the request before it reached the service";
    return Problems.json(status, detail);
  }
}
