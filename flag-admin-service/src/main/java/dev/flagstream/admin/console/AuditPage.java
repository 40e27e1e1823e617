package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditEntry;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.audit.AuditQuery;
import dev.flagstream.admin.audit.AuditReader;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: filtered by flag, actor, action and time, each entry's changes as a diff, and the
 * filtered log exported as CSV or JSON. Readers see what the API shows them: admins everything,
 * others the entries of flags and of their own tokens.
 */
@Controller
final class AuditPage {
  static final int PAGE_SIZE = 50;

  /** The most entries one export holds; narrow the filters for more. */
  static final int EXPORT_LIMIT = 10_000;

  private final AuditLog audit;
  private final JsonMapper json;
  private final StateDiff diff;

  AuditPage(AuditLog audit, JsonMapper json) {
    this.audit = audit;
    this.json = json;
    this.diff = new StateDiff(json);
  }

  /** The filters as the page's form sends them; times are UTC, as the page shows them. */
  record Filters(
      @Nullable String flag,
      @Nullable String actor,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to) {}

  @GetMapping("/audit")
  String log(
      Filters filters,
      @RequestParam(required = false) @Nullable Long before,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("filters", filters);
    model.addAttribute("actions", AuditAction.values());
    Map<String, String> problems = new LinkedHashMap<>();
    AuditQuery query = query(filters, problems);
    if (!problems.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("problems", problems);
      model.addAttribute("entries", List.of());
      model.addAttribute("firstPage", true);
      return "console/audit";
    }
    List<AuditEntry> fetched = audit.search(query, reader(caller), before, PAGE_SIZE + 1);
    List<HistoryEntry> entries =
        fetched.stream().limit(PAGE_SIZE).map(entry -> HistoryEntry.of(entry, diff)).toList();
    model.addAttribute("entries", entries);
    model.addAttribute(
        "nextBefore", fetched.size() > PAGE_SIZE ? entries.get(entries.size() - 1).id() : null);
    model.addAttribute("firstPage", before == null);
    return "console/audit";
  }

  @GetMapping("/audit/export.csv")
  ResponseEntity<byte[]> csv(Filters filters, @AuthenticationPrincipal Caller caller) {
    return export(
        AuditCsv.of(exported(filters, caller)),
        "csv",
        new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/audit/export.json")
  ResponseEntity<byte[]> json(Filters filters, @AuthenticationPrincipal Caller caller) {
    return export(
        json.writeValueAsString(exported(filters, caller)), "json", MediaType.APPLICATION_JSON);
  }

  private List<AuditEntry> exported(Filters filters, Caller caller) {
    Map<String, String> problems = new LinkedHashMap<>();
    AuditQuery query = query(filters, problems);
    if (!problems.isEmpty()) {
      throw dev.flagstream.admin.system.Problems.invalid(
          problems.entrySet().stream()
              .map(p -> new dev.flagstream.contracts.flag.Violation(p.getKey(), p.getValue()))
              .toList());
    }
    return audit.search(query, reader(caller), null, EXPORT_LIMIT);
  }

  private static ResponseEntity<byte[]> export(String body, String extension, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"flagstream-audit." + extension + "\"")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  static AuditReader reader(Caller caller) {
    return new AuditReader(caller.id(), caller.role() == Role.ADMIN);
  }

  /** The query the filters describe; what cannot be read is put in {@code problems} by field. */
  static AuditQuery query(Filters filters, Map<String, String> problems) {
    UUID actor = null;
    String actorText = given(filters.actor());
    if (actorText != null) {
      try {
        actor = UUID.fromString(actorText);
      } catch (IllegalArgumentException e) {
        problems.put("actor", "must be a user id");
      }
    }
    AuditAction action = null;
    String actionText = given(filters.action());
    if (actionText != null) {
      try {
        action = AuditAction.valueOf(actionText);
      } catch (IllegalArgumentException e) {
        problems.put("action", "is not an action of the audit log");
      }
    }
    Instant from = instant("from", given(filters.from()), problems);
    Instant to = instant("to", given(filters.to()), problems);
    return new AuditQuery(given(filters.flag()), actor, action, from, to);
  }

  private static @Nullable Instant instant(
      String field, @Nullable String value, Map<String, String> problems) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.put(field, "must be a date and time such as 2026-11-30T14:00");
      return null;
    }
  }

  /** The value trimmed, or null when the field was left empty. */
  private static @Nullable String given(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
