package dev.flagstream.admin.account;

import dev.flagstream.admin.system.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * Security events as structured log records ({@code event=auth.*} with the user's id or a hash of
 * the email, the source address and the request id) and as the counter {@code
 * flagstream.auth.events} tagged with the event. Never a password, a token or an email.
 */
@Component
final class SecurityEvents {
  private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

  /** What happened; the text is the {@code event} key's value and the counter's tag. */
  enum Event {
    LOGIN_SUCCEEDED("auth.login.succeeded", Level.INFO, "Signed in"),
    LOGIN_FAILED("auth.login.failed", Level.WARN, "Sign-in failed"),
    LOGOUT("auth.logout", Level.INFO, "Signed out"),
    TOKEN_REFUSED("auth.token.refused", Level.WARN, "Refused a bearer credential"),
    ACCESS_DENIED(
        "auth.access.denied", Level.WARN, "Refused a call the caller's role may not make"),
    CSRF_REFUSED("auth.csrf.refused", Level.WARN, "Refused a session write without a CSRF token"),
    THROTTLED("auth.throttled", Level.WARN, "Refused a sign-in: too many attempts"),
    PASSWORD_CHANGED("auth.password.changed", Level.INFO, "Changed their own password"),
    PASSWORD_CHANGE_FAILED(
        "auth.password.change-failed",
        Level.WARN,
        "Refused a password change: wrong current password"),
    PASSWORD_ACCEPTED(
        "auth.login.password-accepted", Level.INFO, "Password accepted; a second step is due");

    final String key;
    final Level level;
    final String message;

    Event(String key, Level level, String message) {
      this.key = key;
      this.level = level;
      this.message = message;
    }
  }

  private final MeterRegistry meters;
  private final Map<Event, Counter> counters = new ConcurrentHashMap<>();

  SecurityEvents(MeterRegistry meters) {
    this.meters = meters;
  }

  /** A signed-in user's event. */
  void user(Event event, String userId, HttpServletRequest request) {
    record(event, request).addKeyValue("userId", userId).log();
  }

  /** A sign-in attempt's event, the account named by {@link SignInSubjects#emailHash()}. */
  void attempt(Event event, SignInSubjects subjects, String reason, HttpServletRequest request) {
    record(event, request)
        .addKeyValue("emailHash", subjects.emailHash())
        .addKeyValue("reason", reason)
        .log();
  }

  /** An event of a caller who may not be signed in; {@code principal} names them if known. */
  void caller(Event event, @Nullable String principal, HttpServletRequest request) {
    LoggingEventBuilder record =
        record(event, request)
            .addKeyValue("method", request.getMethod())
            .addKeyValue("path", request.getRequestURI());
    if (principal != null) {
      record = record.addKeyValue("principal", principal);
    }
    record.log();
  }

  private LoggingEventBuilder record(Event event, HttpServletRequest request) {
    counters
        .computeIfAbsent(
            event,
            e ->
                Counter.builder("flagstream.auth.events")
                    .description("Security events: sign-ins, refusals, throttling")
                    .tag("event", e.key)
                    .register(meters))
        .increment();
    LoggingEventBuilder record =
        log.atLevel(event.level)
            .setMessage(event.message)
            .addKeyValue("event", event.key)
            .addKeyValue("address", request.getRemoteAddr());
    String requestId = RequestIds.of(request);
    return requestId == null ? record : record.addKeyValue("requestId", requestId);
  }
}
