package dev.flagstream.admin.audit;

import dev.flagstream.admin.system.CursorPaging;
import dev.flagstream.admin.system.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the audit log, newest first, as far as the caller may see it (see {@link AuditReader}).
 * There is no way to change or delete an entry.
 */
@RestController
class AuditController {
  private static final String ADMIN = "ROLE_ADMIN";

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/admin/audit")
  ResponseEntity<List<AuditEntry>> search(
      @RequestParam(required = false) @Nullable String flag,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      Authentication caller) {
    AuditQuery query =
        new AuditQuery(
            flag, actorId(actor), action(action), instant("from", from), instant("to", to));
    int pageSize = CursorPaging.limit(limit);
    String position = CursorPaging.position(cursor);
    Long beforeId = position == null ? null : parseCursor(position);
    List<AuditEntry> fetched = audit.search(query, reader(caller), beforeId, pageSize + 1);
    return CursorPaging.respond(fetched, pageSize, entry -> Long.toString(entry.id()));
  }

  // The caller's name is their user id; the audit log knows no account types, only Spring's.
  private static AuditReader reader(Authentication caller) {
    boolean admin = caller.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
    return new AuditReader(UUID.fromString(caller.getName()), admin);
  }

  private static @Nullable UUID actorId(@Nullable String actor) {
    try {
      return actor == null ? null : UUID.fromString(actor);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid("actor", "must be a user id");
    }
  }

  private static @Nullable AuditAction action(@Nullable String action) {
    try {
      return action == null ? null : AuditAction.valueOf(action);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid("action", "must be one of " + List.of(AuditAction.values()));
    }
  }

  private static @Nullable Instant instant(String field, @Nullable String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Problems.invalid(field, "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
    }
  }

  private static long parseCursor(String position) {
    try {
      return Long.parseLong(position);
    } catch (NumberFormatException e) {
      throw Problems.invalid("cursor", "is not a cursor from a Link header of this API");
    }
  }
}
