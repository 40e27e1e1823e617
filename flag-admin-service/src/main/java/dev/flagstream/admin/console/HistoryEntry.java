package dev.flagstream.admin.console;

import dev.flagstream.admin.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An audit entry as the console shows it.
 *
 * @param restorable whether it recorded a state of the flag that a revert can restore
 */
record HistoryEntry(
    long id,
    Instant at,
    String who,
    String action,
    String target,
    String outcome,
    List<StateDiff.Change> changes,
    boolean restorable) {
  static HistoryEntry of(AuditEntry entry, StateDiff diff) {
    String who = entry.actorEmail() == null ? "the service" : entry.actorEmail();
    return new HistoryEntry(
        entry.id(),
        entry.occurredAt(),
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
