package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.flag.FlagTransfer;
import dev.flagstream.admin.flag.ImportPlan;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import and export of all flags: the export as a download, an import pasted as JSON (an export of
 * another installation) or as environment switches, always shown as a dry run with its diff before
 * it is applied, in one transaction, through {@link FlagTransfer} as the API does it.
 */
@Controller
final class TransferPage {
  private final FlagTransfer transfer;
  private final JsonMapper json;
  private final StateDiff diff;

  TransferPage(FlagTransfer transfer, JsonMapper json) {
    this.transfer = transfer;
    this.json = json;
    this.diff = new StateDiff(json);
  }

  /** How many flags a plan creates, updates and leaves as they are. */
  record Counts(long create, long update, long unchanged) {
    static Counts of(ImportPlan plan) {
      return new Counts(
          plan.count(ImportPlan.Kind.CREATE),
          plan.count(ImportPlan.Kind.UPDATE),
          plan.count(ImportPlan.Kind.UNCHANGED));
    }
  }

  /** One flag of a plan, as the page shows it. */
  record PlannedFlag(String kind, String name, List<StateDiff.Change> changes) {}

  @GetMapping("/transfer")
  String page() {
    return "console/transfer";
  }

  @GetMapping("/transfer/export.json")
  ResponseEntity<byte[]> export() {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"flagstream-flags.json\"")
        .body(
            json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(transfer.export())
                .getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping("/transfer/preview")
  String preview(
      @RequestParam(defaultValue = "") String document, HttpServletResponse response, Model model) {
    model.addAttribute("document", document);
    try {
      JsonNode parsed = parse(document);
      ImportPlan plan = transfer.plan(parsed);
      model.addAttribute("normalized", json.writeValueAsString(parsed));
      model.addAttribute("plan", Counts.of(plan));
      model.addAttribute("planned", planned(plan));
    } catch (ErrorResponseException e) {
      refused(Failure.of(e), response, model);
    }
    return "console/transfer";
  }

  @PostMapping("/transfer/apply")
  String apply(
      @RequestParam(defaultValue = "") String document,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    try {
      ImportPlan plan = transfer.apply(parse(document), caller.actor());
      model.addAttribute("applied", Counts.of(plan));
      model.addAttribute("planned", planned(plan));
    } catch (ErrorResponseException e) {
      model.addAttribute("document", document);
      refused(Failure.of(e), response, model);
    }
    return "console/transfer";
  }

  private JsonNode parse(String document) {
    if (EnvironmentSwitches.looksLikeSwitches(document)) {
      List<Violation> problems = new ArrayList<>();
      JsonNode parsed = EnvironmentSwitches.document(document, json, problems);
      if (!problems.isEmpty()) {
        throw dev.flagstream.admin.system.Problems.invalid(problems);
      }
      return parsed;
    }
    try {
      return json.readTree(document);
    } catch (JacksonException e) {
      throw dev.flagstream.admin.system.Problems.invalid(
          "document", "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private List<PlannedFlag> planned(ImportPlan plan) {
    List<PlannedFlag> planned = new ArrayList<>();
    for (ImportPlan.Change change : plan.changes()) {
      Flag before = change.before();
      planned.add(
          new PlannedFlag(
              change.kind().name().toLowerCase(Locale.ROOT),
              change.name(),
              diff.between(
                  before == null ? null : FlagChangeJson.flagToJson(before),
                  FlagChangeJson.flagToJson(change.after()))));
    }
    return planned;
  }

  private static void refused(Failure failure, HttpServletResponse response, Model model) {
    response.setStatus(failure.status());
    model.addAttribute("failure", failure);
  }
}
