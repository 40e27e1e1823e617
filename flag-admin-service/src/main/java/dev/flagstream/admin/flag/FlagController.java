package dev.flagstream.admin.flag;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.system.CursorPaging;
import dev.flagstream.contracts.change.RevisionToken;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.flag.Flag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API over flags. Every write answers with the flag's new state and its ETag, and with
 * {@value #REVISION} naming the change, which a reader hands an evaluator to read its own write.
 */
@RestController
@RequestMapping("/api/admin/flags")
class FlagController {
  private static final String MERGE_PATCH = "application/merge-patch+json";
  static final String REVISION = "Flagstream-Revision";

  private final FlagService flags;
  private final JsonMapper json;

  FlagController(FlagService flags, JsonMapper json) {
    this.flags = flags;
    this.json = json;
  }

  @GetMapping
  ResponseEntity<List<Flag>> list(
      @RequestParam(name = "q", required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    int pageSize = CursorPaging.limit(limit);
    List<Flag> fetched = flags.list(search, CursorPaging.position(cursor), pageSize + 1);
    return CursorPaging.respond(fetched, pageSize, Flag::name);
  }

  @PostMapping
  ResponseEntity<Flag> create(
      @RequestBody(required = false) @Nullable JsonNode body,
      @AuthenticationPrincipal Caller caller) {
    Flag created = flags.create(FlagInput.forCreate(body, json), caller.actor());
    return ResponseEntity.created(URI.create("/api/admin/flags/" + created.name()))
        .eTag(IfMatch.etag(created))
        .header(REVISION, RevisionToken.written(created.name(), created.version()).toString())
        .body(created);
  }

  @GetMapping("/{name}")
  ResponseEntity<Flag> get(@PathVariable String name) {
    Flag flag = flags.get(name);
    return ResponseEntity.ok().eTag(IfMatch.etag(flag)).body(flag);
  }

  @PatchMapping(
      path = "/{name}",
      consumes = {"application/json", MERGE_PATCH})
  ResponseEntity<Flag> patch(
      @PathVariable String name,
      @RequestBody(required = false) @Nullable JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @AuthenticationPrincipal Caller caller) {
    return written(
        flags.change(
            name,
            ifMatch,
            caller.actor(),
            AuditAction.FLAG_UPDATED,
            current -> FlagInput.forPatch(current, body, json)));
  }

  /** Switches the flag on or off: to {@code {"enabled": …}} when given, else to the opposite. */
  @PostMapping("/{name}/toggle")
  ResponseEntity<Flag> toggle(
      @PathVariable String name,
      @RequestBody(required = false) @Nullable JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @AuthenticationPrincipal Caller caller) {
    Boolean enabled = FlagInput.forToggle(body);
    return written(
        flags.change(
            name,
            ifMatch,
            caller.actor(),
            AuditAction.FLAG_TOGGLED,
            current ->
                current.toBuilder()
                    .enabled(enabled == null ? !current.enabled() : enabled)
                    .build()));
  }

  @PutMapping("/{name}/rollout")
  ResponseEntity<Flag> rollout(
      @PathVariable String name,
      @RequestBody(required = false) @Nullable JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @AuthenticationPrincipal Caller caller) {
    int rollout = FlagInput.forRollout(body);
    return written(
        flags.change(
            name,
            ifMatch,
            caller.actor(),
            AuditAction.FLAG_ROLLOUT_CHANGED,
            current -> current.toBuilder().rolloutPercentage(rollout).build()));
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(
      @PathVariable String name,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @AuthenticationPrincipal Caller caller) {
    long deleted = flags.delete(name, ifMatch, caller.actor());
    return ResponseEntity.noContent()
        .header(REVISION, RevisionToken.deletedAt(name, deleted).toString())
        .build();
  }

  /** Restores the state recorded by audit entry {@code {"auditId": …}}. */
  @PostMapping("/{name}/revert")
  ResponseEntity<Flag> revert(
      @PathVariable String name,
      @RequestBody(required = false) @Nullable JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @AuthenticationPrincipal Caller caller) {
    long auditId = FlagInput.forRevert(body);
    return written(flags.revert(name, auditId, ifMatch, caller.actor()));
  }

  /** What the flag gives {@code userId} now, with the reason and the user's bucket. */
  @GetMapping("/{name}/evaluate")
  FlagPreview evaluate(
      @PathVariable String name, @RequestParam(required = false) @Nullable String userId) {
    CompiledFlag flag = CompiledFlag.of(flags.get(name));
    Evaluation evaluation = flag.evaluate(userId);
    Integer bucket = userId == null || userId.isEmpty() ? null : flag.bucket(userId);
    return new FlagPreview(
        name,
        userId,
        evaluation.value(),
        evaluation.reason().name(),
        bucket,
        flag.flag().version());
  }

  /**
   * An evaluation preview.
   *
   * @param bucket the user's bucket in this flag, whether or not the decision rested on it
   */
  record FlagPreview(
      String flag,
      @Nullable String userId,
      boolean value,
      String reason,
      @Nullable Integer bucket,
      long version) {}

  /** The answer to a write that left {@code flag} as it is now. */
  private static ResponseEntity<Flag> written(Flag flag) {
    return ResponseEntity.ok()
        .eTag(IfMatch.etag(flag))
        .header(REVISION, RevisionToken.written(flag.name(), flag.version()).toString())
        .body(flag);
  }
}
