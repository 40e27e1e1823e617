package dev.flagstream.admin.flag;

import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.FlagValidator;
import dev.flagstream.contracts.flag.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a request body asks of a flag, field by field, so that every problem is reported at
 * once with its field and nothing outside the writable fields can be set (no mass assignment). Each
 * field is read into a value of its own, checked by the contract's {@link FlagValidator}, and a
 * flag is built only from fields that were read.
 */
final class FlagInput {
  private static final TypeReference<Map<String, @Nullable Object>> OBJECT =
      new TypeReference<>() {};
  private static final Set<String> CREATABLE =
      Set.of("name", "description", "enabled", "rolloutPercentage", "userAllowlist", "metadata");
  private static final Set<String> PATCHABLE = Set.of("description", "userAllowlist", "metadata");
  private static final Map<String, String> ELSEWHERE =
      Map.of(
          "name", "cannot be changed; create a flag under the new name",
          "enabled", "is changed with POST /api/admin/flags/{name}/toggle",
          "rolloutPercentage", "is changed with PUT /api/admin/flags/{name}/rollout");

  private final List<Violation> violations = new ArrayList<>();

  private FlagInput() {}

  /** The flag a create request describes, with the database defaults for what it leaves out. */
  static Flag forCreate(@Nullable JsonNode body, JsonMapper json) {
    FlagInput input = new FlagInput();
    JsonNode object = input.object(body, CREATABLE);
    Optional<String> name = input.name(input.required(object, "name"));
    Optional<Boolean> enabled = input.enabled(object.get("enabled"));
    Optional<Integer> rollout = input.rollout(object.get("rolloutPercentage"));
    Writable writable = input.writable(object, json);
    input.throwIfInvalid();
    Flag.Builder flag = writable.applyTo(Flag.builder(name.orElseThrow()));
    enabled.ifPresent(flag::enabled);
    rollout.ifPresent(flag::rolloutPercentage);
    return input.validated(flag.build());
  }

  /** {@code current} with the changes of a PATCH body applied; absent fields stay, null clears. */
  static Flag forPatch(Flag current, @Nullable JsonNode body, JsonMapper json) {
    FlagInput input = new FlagInput();
    Writable writable = input.writable(input.object(body, PATCHABLE), json);
    input.throwIfInvalid();
    return input.validated(writable.applyTo(current.toBuilder()).build());
  }

  /** The {@code enabled} value a toggle request asks for, or null to flip. */
  static @Nullable Boolean forToggle(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    FlagInput input = new FlagInput();
    Optional<Boolean> enabled = input.enabled(input.object(body, Set.of("enabled")).get("enabled"));
    input.throwIfInvalid();
    return enabled.orElse(null);
  }

  /** The rollout a rollout request asks for. */
  static int forRollout(@Nullable JsonNode body) {
    FlagInput input = new FlagInput();
    JsonNode object = input.object(body, Set.of("rolloutPercentage"));
    Optional<Integer> rollout = input.rollout(input.required(object, "rolloutPercentage"));
    input.throwIfInvalid();
    return rollout.orElseThrow();
  }

  /** The audit entry whose recorded state a revert request asks for. */
  static long forRevert(@Nullable JsonNode body) {
    FlagInput input = new FlagInput();
    JsonNode object = input.object(body, Set.of("auditId"));
    Optional<Long> auditId = input.auditId(input.required(object, "auditId"));
    input.throwIfInvalid();
    return auditId.orElseThrow();
  }

  /**
   * The body when it is a JSON object, after noting each of its fields outside {@code writable}; a
   * body that is no object is refused at once, as none of its fields can be read.
   */
  private JsonNode object(@Nullable JsonNode body, Set<String> writable) {
    if (body == null || !body.isObject()) {
      throw Problems.invalid("", "the body must be a JSON object");
    }
    for (String field : body.propertyNames()) {
      if (!writable.contains(field)) {
        violations.add(
            new Violation(
                field, ELSEWHERE.getOrDefault(field, "is not a field that can be set here")));
      }
    }
    return body;
  }

  /** The field's value; null, with a violation, when it is absent or null. */
  private @Nullable JsonNode required(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      violations.add(new Violation(field, "is required"));
      return null;
    }
    return value;
  }

  private Optional<String> name(@Nullable JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isString()) {
      violations.add(new Violation("name", "must be a string"));
      return Optional.empty();
    }
    Optional<Violation> problem = FlagValidator.checkName(value.asString());
    problem.ifPresent(violations::add);
    return problem.isPresent() ? Optional.empty() : Optional.of(value.asString());
  }

  private Optional<Boolean> enabled(@Nullable JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      violations.add(new Violation("enabled", "must be true or false"));
      return Optional.empty();
    }
    return Optional.of(value.asBoolean());
  }

  private Optional<Long> auditId(@Nullable JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      violations.add(new Violation("auditId", "must be the id of an audit entry of this flag"));
      return Optional.empty();
    }
    return Optional.of(value.asLong());
  }

  private Optional<Integer> rollout(@Nullable JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber()) {
      violations.add(new Violation("rolloutPercentage", "must be a whole number from 0 to 100"));
    } else if (!value.canConvertToInt()) {
      violations.add(new Violation("rolloutPercentage", "must be between 0 and 100"));
    } else {
      Optional<Violation> problem = FlagValidator.checkRolloutPercentage(value.asInt());
      problem.ifPresent(violations::add);
      return problem.isPresent() ? Optional.empty() : Optional.of(value.asInt());
    }
    return Optional.empty();
  }

  /** The description, allowlist and metadata of a body: what both create and patch may set. */
  private Writable writable(JsonNode body, JsonMapper json) {
    return new Writable(
        description(body.get("description")),
        allowlist(body.get("userAllowlist")),
        metadata(body.get("metadata"), json));
  }

  /** The fields a create or patch may write; each is absent (null) when the body leaves it out. */
  private record Writable(
      @Nullable String description,
      @Nullable List<UUID> allowlist,
      @Nullable Map<String, @Nullable Object> metadata) {

    Flag.Builder applyTo(Flag.Builder flag) {
      if (description != null) {
        flag.description(description);
      }
      if (allowlist != null) {
        flag.userAllowlist(allowlist);
      }
      if (metadata != null) {
        flag.metadata(metadata);
      }
      return flag;
    }
  }

  private @Nullable String description(@Nullable JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return "";
    }
    if (!value.isString()) {
      violations.add(new Violation("description", "must be a string"));
      return null;
    }
    FlagValidator.checkDescription(value.asString()).ifPresent(violations::add);
    return value.asString();
  }

  private @Nullable List<UUID> allowlist(@Nullable JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      violations.add(new Violation("userAllowlist", "must be an array of user ids"));
      return null;
    }
    List<Object> entries = new ArrayList<>();
    value.forEach(entry -> entries.add(entry.isString() ? entry.asString() : entry));
    List<Violation> problems = FlagValidator.checkAllowlist(entries);
    if (!problems.isEmpty()) {
      violations.addAll(problems);
      return null;
    }
    return entries.stream().map(id -> UUID.fromString((String) id)).toList();
  }

  private @Nullable Map<String, @Nullable Object> metadata(
      @Nullable JsonNode value, JsonMapper json) {
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      violations.add(new Violation("metadata", "must be a JSON object"));
      return null;
    }
    Map<String, @Nullable Object> metadata = json.treeToValue(value, OBJECT);
    Optional<Violation> problem = FlagValidator.checkMetadata(metadata);
    problem.ifPresent(violations::add);
    return problem.isPresent() ? null : metadata;
  }

  /**
   * {@code flag}, once the contract's one validation routine accepts it as a whole: every service
   * runs it before accepting a flag. Its fields passed their checks one by one already.
   */
  private Flag validated(Flag flag) {
    violations.addAll(FlagValidator.validate(flag));
    throwIfInvalid();
    return flag;
  }

  private void throwIfInvalid() {
    if (!violations.isEmpty()) {
      throw Problems.invalid(List.copyOf(violations));
    }
  }
}
