package dev.flagstream.admin.flag;

import dev.flagstream.admin.account.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every flag as one JSON document, and importing such a document: {@code ?dryRun=true} says what
 * would change and changes nothing; without it the import is applied in one transaction and answers
 * what it did.
 */
@RestController
class FlagTransferController {
  static final String PATH = "/api/admin/flag-transfer";

  private final FlagTransfer transfer;

  FlagTransferController(FlagTransfer transfer) {
    this.transfer = transfer;
  }

  @GetMapping(PATH)
  ResponseEntity<ObjectNode> export() {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"flagstream-flags.json\"")
        .body(transfer.export());
  }

  @PostMapping(PATH)
  ImportPlan importFlags(
      @RequestBody(required = false) @Nullable JsonNode document,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @AuthenticationPrincipal Caller caller) {
    JsonNode body =
        document == null ? tools.jackson.databind.node.NullNode.getInstance() : document;
    return dryRun ? transfer.plan(body) : transfer.apply(body, caller.actor());
  }
}
