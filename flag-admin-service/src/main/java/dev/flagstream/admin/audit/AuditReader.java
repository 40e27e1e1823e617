package dev.flagstream.admin.audit;

import java.util.UUID;

/**
 * Who reads the audit log, which decides what they see: admins see every entry; everyone else sees
 * the entries of flags and of their own tokens, not those of users, sign-ins or others' tokens,
 * which would tell them every account and its role.
 *
 * @param userId the reader's user id
 * @param seesEverything whether the reader is an admin
 */
public record AuditReader(UUID userId, boolean seesEverything) {}
