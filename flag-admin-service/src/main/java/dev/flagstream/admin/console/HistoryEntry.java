package dev.flagstream.admin.console;

import dev.flagstream.admin.audit.AuditEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An audit entry as the console shows it.
 *
 * @param restorable whether it recorded a state of the flag that a revert can restore
 */
record HistoryEntry(
    long id,
    String when,
    String at,
    String who,
    String action,
    String target,
    String outcome,
    List<StateDiff.Change> changes,
    boolean restorable) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  static HistoryEntry of(AuditEntry entry, StateDiff diff) {
    String who = entry.actorEmail() == null ? "the service" : entry.actorEmail();
    return new HistoryEntry(
        entry.id(),
        SHOWN.format(entry.occurredAt()),
        entry.occurredAt().toString(),
        who,
        words(entry.action().name()),
        entry.target(),
        entry.outcome().name().toLowerCase(Locale.ROOT),
        diff.between(entry.before(), entry.after()),
        entry.after() != null || entry.before() != null);
  }

  /** {@code FLAG_ROLLOUT_CHANGED} as "rollout changed". */
  static String words(String action) {
    String lower = action.toLowerCase(Locale.ROOT).replace('_', ' ');
    return lower.startsWith("flag ") ? lower.substring(5) : lower;
  }
}
