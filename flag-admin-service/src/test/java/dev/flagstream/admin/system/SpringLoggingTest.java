package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;
import org.junit.jupiter.api.Test;

/**
 * Spring's own messages (commons-logging) are made only when their level is on: Spring Security
 * logs a message at debug or trace level for every filter of every request.
 */
class SpringLoggingTest {
  @Test
  void aMessageBelowTheLevel_isNeverTurnedIntoAString() {
    assertThat(LogFactory.getFactory()).isInstanceOf(Log4jApiLogFactory.class);
    Log log = LogFactory.getLog("dev.flagstream.admin.system.quiet");
    assertThat(log.isTraceEnabled()).isFalse();
    log.trace(
        new Object() {
          @Override
          public String toString() {
            throw new AssertionError("a trace message was formatted although trace is off");
          }
        });
  }
}
