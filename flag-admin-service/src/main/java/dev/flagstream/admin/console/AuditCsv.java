package dev.flagstream.admin.console;

import dev.flagstream.admin.audit.AuditEntry;
import java.util.List;

/**
 * The audit log as CSV (RFC 4180): a header, one row per entry, every field quoted when it holds a
 * comma, a quote or a line break. A field that a spreadsheet would run as a formula is prefixed
 * with a quote mark (OWASP's advice against CSV injection), as emails and states come from users.
 */
final class AuditCsv {
  static final String HEADER =
      "id,occurredAt,actorId,actorEmail,action,targetType,target,outcome,before,after,requestId";

  private AuditCsv() {}

  static String of(List<AuditEntry> entries) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (AuditEntry entry : entries) {
      csv.append(entry.id())
          .append(',')
          .append(entry.occurredAt())
          .append(',')
          .append(entry.actorId() == null ? "" : entry.actorId().toString())
          .append(',')
          .append(field(entry.actorEmail()))
          .append(',')
          .append(entry.action().name())
          .append(',')
          .append(entry.targetType().name())
          .append(',')
          .append(field(entry.target()))
          .append(',')
          .append(entry.outcome().name())
          .append(',')
          .append(field(entry.before()))
          .append(',')
          .append(field(entry.after()))
          .append(',')
          .append(field(entry.requestId()))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String field(@org.jspecify.annotations.Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
