package dev.flagstream.admin.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the audit log; each null filter matches everything. */
public record AuditQuery(
    @Nullable String flag,
    @Nullable UUID actorId,
    @Nullable AuditAction action,
    @Nullable Instant from,
    @Nullable Instant to) {}
