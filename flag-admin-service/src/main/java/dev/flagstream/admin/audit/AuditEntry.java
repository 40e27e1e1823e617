package dev.flagstream.admin.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.flagstream.admin.audit.AuditAction.TargetType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change. The states are the JSON text the log holds, written into a response as the
 * JSON they are.
 *
 * @param before the target's state before the change, null when it did not exist
 * @param after the target's state after the change, null when it no longer exists; for a sign-in,
 *     its circumstances: the source address and, for a failure, the reason
 * @param requestId the id the service gave the request that made the change
 * @param clientRequestId the id the caller sent in {@code X-Request-Id}, if any
 * @param clientAddress the address the request came from, as the service saw it; null for entries
 *     older than its recording, for what the service does on its own, and for readers other than
 *     admins
 * @param userAgent the {@code User-Agent} the request sent, if any; null as {@code clientAddress}
 * @param outcome whether what the entry records was carried out or refused (see {@link
 *     AuditAction#outcome()})
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    @Nullable UUID actorId,
    @Nullable String actorEmail,
    AuditAction action,
    TargetType targetType,
    String target,
    @JsonRawValue @Nullable String before,
    @JsonRawValue @Nullable String after,
    @Nullable String requestId,
    @Nullable String clientRequestId,
    @Nullable String clientAddress,
    @Nullable String userAgent,
    AuditAction.Outcome outcome) {

  /** This entry without where its request came from, for readers who may not see that. */
  AuditEntry withoutOrigin() {
    return new AuditEntry(
        id,
        occurredAt,
        actorId,
        actorEmail,
        action,
        targetType,
        target,
        before,
        after,
        requestId,
        clientRequestId,
        null,
        null,
        outcome);
  }
}
