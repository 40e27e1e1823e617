package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.audit.AuditQuery;
import dev.flagstream.admin.audit.AuditReader;
import dev.flagstream.admin.flag.Flags;
import dev.flagstream.contracts.flag.Flag;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model of a flag's page: the flag as it is now, its forms filled with it unless a refused or
 * conflicting edit's own values are to be shown again, and its audit history.
 */
@Component
final class FlagDetail {
  static final int HISTORY = 25;

  private final Flags flags;
  private final AuditLog audit;
  private final JsonMapper json;
  private final StateDiff diff;

  FlagDetail(Flags flags, AuditLog audit, JsonMapper json) {
    this.flags = flags;
    this.audit = audit;
    this.json = json;
    this.diff = new StateDiff(json);
  }

  Flags flags() {
    return flags;
  }

  StateDiff diff() {
    return diff;
  }

  /** Fills {@code model} with the flag; drafts already in the model are kept, not overwritten. */
  String page(String name, Caller caller, Model model) {
    Flag flag = flags.get(name);
    model.addAttribute("flag", FlagRow.of(flag));
    model.addAttribute("etag", Flags.etag(flag));
    addIfAbsent(model, "descriptionDraft", flag.description());
    addIfAbsent(
        model,
        "metadataDraft",
        json.writerWithDefaultPrettyPrinter().writeValueAsString(flag.metadata()));
    addIfAbsent(
        model,
        "allowlistDraft",
        flag.userAllowlist().stream().map(UUID::toString).collect(Collectors.joining("\n")));
    addIfAbsent(model, "rolloutDraft", flag.rolloutPercentage());
    addIfAbsent(model, "allowlistSize", flag.userAllowlist().size());
    model.addAttribute("history", history(name, caller));
    return "console/flag";
  }

  List<HistoryEntry> history(String name, Caller caller) {
    AuditReader reader = new AuditReader(caller.id(), caller.role() == Role.ADMIN);
    return audit
        .search(new AuditQuery(name, null, null, null, null), reader, null, HISTORY)
        .stream()
        .map(entry -> HistoryEntry.of(entry, diff))
        .toList();
  }

  private static void addIfAbsent(Model model, String name, Object value) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, value);
    }
  }
}
