package dev.flagstream.evaluator.system;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in place of every HTML error report valve of the Tomcat host,
 * just before the host starts, whatever other customizers added before.
 */
@Component
final class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          host.addLifecycleListener(
              event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                  replaceErrorReports(host);
                }
              });
        });
  }

  static void replaceErrorReports(Container host) {
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
        host.getPipeline().removeValve(valve);
      }
    }
    host.getPipeline().addValve(new ProblemReportValve());
    if (host instanceof StandardHost standard) {
      // So that the host, starting, finds its error report valve and adds no HTML one.
      standard.setErrorReportValveClass(ProblemReportValve.class.getName());
    }
  }
}
