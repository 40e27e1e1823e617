package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Audit entries of two-factor sign-in: who, about which user, and the circumstances (the source
 * address and user agent, then whatever the event adds) as the entry's {@code after}. Joins the
 * caller's transaction, as every audit entry does.
 */
@Component
final class TwoFactorAudit {
  // Enough to tell browsers apart; a longer header is cut rather than stored whole.
  private static final int MAX_USER_AGENT = 256;

  private final AuditLog audit;

  TwoFactorAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** An entry about {@code user}: its id is the target. */
  void record(
      Actor actor,
      AuditAction action,
      UUID user,
      HttpServletRequest request,
      Map<String, Object> details) {
    record(actor, action, user.toString(), null, request, details);
  }

  void record(
      Actor actor,
      AuditAction action,
      String target,
      @Nullable Object before,
      HttpServletRequest request,
      Map<String, Object> details) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("sourceAddress", request.getRemoteAddr());
    String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
    if (userAgent != null) {
      after.put(
          "userAgent",
          userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
    }
    after.putAll(details);
    audit.record(actor, action, target, before, after);
  }
}
