package dev.flagstream.admin.sso;

import dev.flagstream.admin.system.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * Single sign-on's security events, in the form of the account's: structured log records with
 * {@code event=auth.sso.*}, the source address and the request id, counted by {@code
 * flagstream.auth.events} tagged with the event. Never an email, a token or a code.
 */
@Component
final class SsoEvents {
  private static final Logger log = LoggerFactory.getLogger(SsoEvents.class);

  /** What happened; the text is the {@code event} key's value and the counter's tag. */
  enum Event {
    SUCCEEDED("auth.sso.succeeded", Level.INFO, "Signed in through the identity provider"),
    REFUSED("auth.sso.refused", Level.WARN, "Refused someone the identity provider vouched for"),
    FAILED("auth.sso.failed", Level.WARN, "Single sign-on did not complete");

    final String key;
    final Level level;
    final String message;

    Event(String key, Level level, String message) {
      this.key = key;
      this.level = level;
      this.message = message;
    }
  }

  private final Counter succeeded;
  private final Counter refused;
  private final Counter failed;

  SsoEvents(MeterRegistry meters) {
    this.succeeded = counter(meters, Event.SUCCEEDED);
    this.refused = counter(meters, Event.REFUSED);
    this.failed = counter(meters, Event.FAILED);
  }

  void succeeded(String userId, HttpServletRequest request) {
    succeeded.increment();
    record(Event.SUCCEEDED, request).addKeyValue("userId", userId).log();
  }

  /** Someone the provider vouched for was refused, {@code reason} saying why. */
  void refused(String reason, HttpServletRequest request) {
    refused.increment();
    record(Event.REFUSED, request).addKeyValue("reason", reason).log();
  }

  /** The flow failed before anyone was vouched for; {@code error} is its OAuth error code. */
  void failed(String error, HttpServletRequest request) {
    failed.increment();
    record(Event.FAILED, request).addKeyValue("reason", error).log();
  }

  private static Counter counter(MeterRegistry meters, Event event) {
    return Counter.builder("flagstream.auth.events")
        .description("Security events: sign-ins, refusals, throttling")
        .tag("event", event.key)
        .register(meters);
  }

  private static LoggingEventBuilder record(Event event, HttpServletRequest request) {
    LoggingEventBuilder record =
        log.atLevel(event.level)
            .setMessage(event.message)
            .addKeyValue("event", event.key)
            .addKeyValue("address", request.getRemoteAddr());
    String requestId = RequestIds.of(request);
    return requestId == null ? record : record.addKeyValue("requestId", requestId);
  }
}
