package dev.flagstream.admin.audit;

import dev.flagstream.admin.audit.AuditAction.TargetType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One recorded change.
 *
 * @param before the target's state before the change, null when it did not exist
 * @param after the target's state after the change, null when it no longer exists
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    @Nullable UUID actorId,
    @Nullable String actorEmail,
    AuditAction action,
    TargetType targetType,
    String target,
    @Nullable JsonNode before,
    @Nullable JsonNode after,
    @Nullable String requestId) {}
