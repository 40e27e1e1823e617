package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Audit entries of two-factor sign-in: who, about which user, and what the event adds as the
 * entry's {@code after}. Where the request came from (client address, user agent) the audit log
 * records of every entry itself. Joins the caller's transaction, as every audit entry does.
 */
@Component
final class TwoFactorAudit {
  private final AuditLog audit;

  TwoFactorAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** An entry about {@code user}: its id is the target. */
  void record(Actor actor, AuditAction action, UUID user, Map<String, Object> details) {
    record(actor, action, user.toString(), null, details);
  }

  /** An entry about {@code target}; {@code after} holds the details, when there are any. */
  void record(
      Actor actor,
      AuditAction action,
      String target,
      @Nullable Object before,
      Map<String, Object> details) {
    audit.record(actor, action, target, before, details.isEmpty() ? null : details);
  }
}
