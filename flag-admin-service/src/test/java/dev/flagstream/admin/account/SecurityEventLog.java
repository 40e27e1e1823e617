package dev.flagstream.admin.account;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The security events the service logs while it is open, as their key-value pairs. */
final class SecurityEventLog implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger(SecurityEvents.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private SecurityEventLog() {
    appender.start();
    logger.addAppender(appender);
  }

  static SecurityEventLog capture() {
    return new SecurityEventLog();
  }

  /** Every event so far, each as its pairs (the {@code event} key among them), in order. */
  List<Map<String, String>> events() {
    List<ILoggingEvent> records;
    synchronized (appender) { // the appender appends under this lock
      records = List.copyOf(appender.list);
    }
    return records.stream()
        .map(
            record -> {
              Map<String, String> pairs = new LinkedHashMap<>();
              List<KeyValuePair> values = record.getKeyValuePairs();
              if (values != null) {
                values.forEach(pair -> pairs.put(pair.key, String.valueOf(pair.value)));
              }
              pairs.put("level", record.getLevel().toString());
              return pairs;
            })
        .toList();
  }

  /** The events with {@code event=key}. */
  List<Map<String, String>> events(String key) {
    return events().stream().filter(pairs -> key.equals(pairs.get("event"))).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
