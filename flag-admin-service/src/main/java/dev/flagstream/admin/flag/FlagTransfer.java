package dev.flagstream.admin.flag;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.change.FlagChangeJson;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Moving flags between installations: every flag exported as one JSON document, and such a document
 * imported, first as a dry run that says what would change, then applied in one transaction that
 * creates and updates the flags it names (never deleting others) and audits each change and the
 * import as a whole. An entry takes the fields of {@code POST /api/admin/flags}, checked the same
 * way.
 */
@Service
public class FlagTransfer {
  /** The document's {@code format}, which an import checks when it is given. */
  public static final String FORMAT = "flagstream.flags/1";

  /** The target of the audit entry of an import as a whole. */
  public static final String IMPORT_TARGET = "(import)";

  private final FlagRepository flags;
  private final AuditLog audit;
  private final JsonMapper json;

  FlagTransfer(FlagRepository flags, AuditLog audit, JsonMapper json) {
    this.flags = flags;
    this.audit = audit;
    this.json = json;
  }

  /** Every flag, read in one consistent transaction, as a document an import takes. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ObjectNode export() {
    ObjectNode document = json.createObjectNode();
    document.put("format", FORMAT);
    ArrayNode entries = document.putArray("flags");
    for (Flag flag : flags.list(null, null, Integer.MAX_VALUE)) {
      ObjectNode entry = entries.addObject();
      entry.put("name", flag.name());
      entry.put("description", flag.description());
      entry.put("enabled", flag.enabled());
      entry.put("rolloutPercentage", flag.rolloutPercentage());
      ArrayNode allowlist = entry.putArray("userAllowlist");
      flag.userAllowlist().forEach(id -> allowlist.add(id.toString()));
      entry.set("metadata", json.valueToTree(flag.metadata()));
    }
    return document;
  }

  /**
   * What importing {@code document} would do now; changes nothing.
   *
   * @throws ErrorResponseException 400 naming every invalid field as {@code flags[i].field}
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ImportPlan plan(JsonNode document) {
    List<Flag> incoming = read(document);
    return ImportPlan.of(current(incoming, false), incoming);
  }

  /**
   * Imports {@code document} in one transaction: all of it or, on any problem, nothing. Returns
   * what it did.
   *
   * @throws ErrorResponseException 400 as {@link #plan}; 409 when a flag it creates was created
   *     meanwhile
   */
  @Transactional
  public ImportPlan apply(JsonNode document, Actor actor) {
    List<Flag> incoming = read(document);
    ImportPlan plan = ImportPlan.of(current(incoming, true), incoming);
    for (ImportPlan.Change change : plan.changes()) {
      switch (change.kind()) {
        case CREATE -> {
          Flag created;
          try {
            created = flags.insert(change.after(), actor.id());
          } catch (DuplicateKeyException e) {
            throw Problems.conflict("a flag named '" + change.name() + "' was created meanwhile");
          }
          audit.record(actor, AuditAction.FLAG_CREATED, created.name(), null, state(created));
        }
        case UPDATE -> {
          Flag before = java.util.Objects.requireNonNull(change.before());
          Flag after = flags.update(change.after());
          audit.record(actor, AuditAction.FLAG_UPDATED, after.name(), state(before), state(after));
        }
        case UNCHANGED -> {
          // nothing to write
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("created", plan.names(ImportPlan.Kind.CREATE));
    summary.put("updated", plan.names(ImportPlan.Kind.UPDATE));
    summary.put("unchanged", plan.names(ImportPlan.Kind.UNCHANGED));
    audit.record(actor, AuditAction.FLAGS_IMPORTED, IMPORT_TARGET, null, summary);
    return plan;
  }

  /** The flags there are of those {@code incoming} names, locked until the end when asked. */
  private List<Flag> current(List<Flag> incoming, boolean lock) {
    List<Flag> current = new ArrayList<>();
    for (Flag flag : incoming) {
      Optional<Flag> stored = lock ? flags.lock(flag.name()) : flags.find(flag.name());
      stored.ifPresent(current::add);
    }
    return current;
  }

  /** The flags of an import document, each checked as a create request. */
  private List<Flag> read(JsonNode document) {
    if (!document.isObject()) {
      throw Problems.invalid("", "the body must be a JSON object with a flags array");
    }
    List<Violation> violations = new ArrayList<>();
    JsonNode format = document.get("format");
    if (format != null && !(format.isString() && FORMAT.equals(format.asString()))) {
      violations.add(new Violation("format", "must be " + FORMAT));
    }
    JsonNode entries = document.get("flags");
    if (entries == null || !entries.isArray()) {
      violations.add(new Violation("flags", "must be an array of flags"));
      throw Problems.invalid(violations);
    }
    List<Flag> incoming = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        Flag flag = FlagInput.forCreate(entries.get(i), json);
        if (!names.add(flag.name())) {
          violations.add(new Violation("flags[" + i + "].name", "names a flag named before"));
        }
        incoming.add(flag);
      } catch (ErrorResponseException e) {
        for (Violation violation : violationsOf(e)) {
          String field = violation.field().isEmpty() ? "" : "." + violation.field();
          violations.add(new Violation("flags[" + i + "]" + field, violation.reason()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw Problems.invalid(violations);
    }
    return incoming;
  }

  private static List<Violation> violationsOf(ErrorResponseException problem) {
    ProblemDetail detail = problem.getBody();
    Map<String, Object> properties = detail.getProperties();
    List<Violation> violations = new ArrayList<>();
    if (properties != null && properties.get("violations") instanceof List<?> list) {
      list.stream()
          .filter(Violation.class::isInstance)
          .map(Violation.class::cast)
          .forEach(violations::add);
    }
    return violations;
  }

  private static RawValue state(Flag flag) {
    return new RawValue(FlagChangeJson.flagToJson(flag));
  }
}
