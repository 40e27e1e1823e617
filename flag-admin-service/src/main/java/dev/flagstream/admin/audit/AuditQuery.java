package dev.flagstream.admin.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit log; each null filter matches everything.
 *
 * @param flag only entries about the flag of this name
 * @param actorId only entries of changes this user made
 * @param action only entries of this action
 * @param from only entries at or after this instant
 * @param to only entries before this instant
 */
public record AuditQuery(
    @Nullable String flag,
    @Nullable UUID actorId,
    @Nullable AuditAction action,
    @Nullable Instant from,
    @Nullable Instant to) {}
