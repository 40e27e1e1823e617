package dev.flagstream.admin.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console, {@code flags.console.*}.
 *
 * @param live how open pages follow changes made elsewhere
 */
@ConfigurationProperties("flags.console")
record ConsoleProperties(@DefaultValue Live live) {
  /**
   * @param pollInterval how often the audit log is read for new changes of flags; pages show a
   *     change within about this long
   * @param heartbeat how often an idle stream sends a comment, so that a page notices a lost
   *     connection
   */
  record Live(
      @DefaultValue("250ms") Duration pollInterval, @DefaultValue("15s") Duration heartbeat) {
    Live {
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("flags.console.live.poll-interval must be positive");
      }
    }
  }
}
