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
    @Nullable String clientRequestId) {}
