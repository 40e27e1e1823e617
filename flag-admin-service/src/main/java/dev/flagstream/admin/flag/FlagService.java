package dev.flagstream.admin.flag;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditEntry;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.util.RawValue;

/**
 * Every change of a flag: one transaction that checks the caller's precondition, writes the flag
 * and records the change in the audit log, or does nothing at all.
 */
@Service
class FlagService {
  private final FlagRepository flags;
  private final AuditLog audit;

  FlagService(FlagRepository flags, AuditLog audit) {
    this.flags = flags;
    this.audit = audit;
  }

  /** The flag named {@code name}; 404 when there is none. */
  @Transactional(readOnly = true)
  Flag get(String name) {
    return flags.find(name).orElseThrow(() -> notFound(name));
  }

  @Transactional(readOnly = true)
  List<Flag> list(@Nullable String search, @Nullable String afterName, int limit) {
    return flags.list(search, afterName, limit);
  }

  @Transactional
  Flag create(Flag draft, Actor actor) {
    Flag created;
    try {
      created = flags.insert(draft, actor.id());
    } catch (DuplicateKeyException e) {
      throw Problems.conflict("a flag named '" + draft.name() + "' already exists");
    }
    audit.record(actor, AuditAction.FLAG_CREATED, created.name(), null, state(created));
    return created;
  }

  @Transactional
  Flag change(
      String name,
      @Nullable String ifMatch,
      Actor actor,
      AuditAction action,
      UnaryOperator<Flag> change) {
    Optional<Flag> current = flags.lock(name);
    IfMatch.check(ifMatch, current);
    Flag before = current.orElseThrow(() -> notFound(name));
    Flag after = flags.update(change.apply(before));
    audit.record(actor, action, name, state(before), state(after));
    return after;
  }

  /** Deletes the flag; returns the version it had, which the delete's revision token names. */
  @Transactional
  long delete(String name, @Nullable String ifMatch, Actor actor) {
    Optional<Flag> current = flags.lock(name);
    IfMatch.check(ifMatch, current);
    Flag before = current.orElseThrow(() -> notFound(name));
    flags.delete(name);
    audit.record(actor, AuditAction.FLAG_DELETED, name, state(before), null);
    return before.version();
  }

  /**
   * Restores the flag to the state an audit entry recorded: the state after that change, or, for a
   * deletion, the state it deleted. A new change of its own, audited as such; a deleted flag is
   * created again.
   */
  @Transactional
  Flag revert(String name, long auditId, @Nullable String ifMatch, Actor actor) {
    AuditEntry entry =
        audit
            .find(auditId)
            .filter(e -> e.targetType() == AuditAction.TargetType.FLAG && e.target().equals(name))
            .orElseThrow(
                () -> Problems.invalid("auditId", "is not an audit entry of flag '" + name + "'"));
    String recorded = entry.after() != null ? entry.after() : entry.before();
    if (recorded == null) {
      throw Problems.invalid("auditId", "records no state of the flag to restore");
    }
    Flag target = FlagChangeJson.flagFromJson(recorded);
    Optional<Flag> current = flags.lock(name);
    IfMatch.check(ifMatch, current);
    Flag restored =
        current.isPresent()
            ? flags.update(
                current.get().toBuilder()
                    .description(target.description())
                    .enabled(target.enabled())
                    .rolloutPercentage(target.rolloutPercentage())
                    .userAllowlist(target.userAllowlist())
                    .metadata(target.metadata())
                    .build())
            : flags.insert(target, actor.id());
    audit.record(
        actor,
        AuditAction.FLAG_REVERTED,
        name,
        current.map(FlagService::state).orElse(null),
        state(restored));
    return restored;
  }

  /**
   * A flag as the audit log records it: its wire form, written once by the contract and stored as
   * that text, which {@link #revert} reads back with the contract again.
   */
  private static RawValue state(Flag flag) {
    return new RawValue(FlagChangeJson.flagToJson(flag));
  }

  private static RuntimeException notFound(String name) {
    return Problems.notFound("no flag named '" + name + "'");
  }
}
