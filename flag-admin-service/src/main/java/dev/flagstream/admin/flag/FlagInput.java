package dev.flagstream.admin.flag;

import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.contracts.flag.FlagValidator;
import dev.flagstream.contracts.flag.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a flag's content from a request body, field by field, so that every problem is reported
 * with its field and nothing outside the writable fields can be set (no mass assignment).
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

  private final @Nullable JsonMapper json; // only reading metadata needs it
  private final List<Violation> violations = new ArrayList<>();

  private FlagInput(@Nullable JsonMapper json) {
    this.json = json;
  }

  /** The flag a create request describes, with the database defaults for what it leaves out. */
  static Flag forCreate(@Nullable JsonNode body, JsonMapper json) {
    FlagInput input = new FlagInput(json);
    input.requireObject(body, CREATABLE);
    if (body == null || !body.isObject()) {
      input.throwIfInvalid();
    }
    Flag.Builder flag = Flag.builder("");
    JsonNode name = body == null ? null : body.get("name");
    if (name == null || name.isNull()) {
      input.violations.add(new Violation("name", "is required"));
    } else if (!name.isString()) {
      input.violations.add(new Violation("name", "must be a string"));
    } else {
      flag.name(name.asString());
    }
    if (body != null && body.isObject()) {
      input.readWritable(body, flag);
      input.readBoolean(body, "enabled", flag);
      input.readRollout(body, "rolloutPercentage", flag);
    }
    return input.validated(flag.build());
  }

  /** {@code current} with the changes of a PATCH body applied; absent fields stay, null clears. */
  static Flag forPatch(Flag current, @Nullable JsonNode body, JsonMapper json) {
    FlagInput input = new FlagInput(json);
    input.requireObject(body, PATCHABLE);
    Flag.Builder flag = current.toBuilder();
    if (body != null && body.isObject()) {
      input.readWritable(body, flag);
    }
    return input.validated(flag.build());
  }

  /** The {@code enabled} value a toggle request asks for, or null to flip. */
  static @Nullable Boolean forToggle(@Nullable JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    FlagInput input = new FlagInput(null);
    input.requireObject(body, Set.of("enabled"));
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isBoolean()) {
      input.violations.add(new Violation("enabled", "must be true or false"));
    }
    input.throwIfInvalid();
    return enabled == null ? null : enabled.asBoolean();
  }

  /** The rollout a rollout request asks for. */
  static int forRollout(@Nullable JsonNode body) {
    FlagInput input = new FlagInput(null);
    input.requireObject(body, Set.of("rolloutPercentage"));
    Flag.Builder flag = Flag.builder("rollout");
    JsonNode value = body == null ? null : body.get("rolloutPercentage");
    if (body != null && body.isObject() && (value == null || value.isNull())) {
      input.violations.add(new Violation("rolloutPercentage", "is required"));
    } else if (body != null && body.isObject()) {
      input.readRollout(body, "rolloutPercentage", flag);
    }
    Flag read = flag.build();
    FlagValidator.checkRolloutPercentage(read.rolloutPercentage()).ifPresent(input.violations::add);
    input.throwIfInvalid();
    return read.rolloutPercentage();
  }

  private void requireObject(@Nullable JsonNode body, Set<String> writable) {
    if (body == null || !body.isObject()) {
      violations.add(new Violation("", "the body must be a JSON object"));
      return;
    }
    for (String field : body.propertyNames()) {
      if (!writable.contains(field)) {
        violations.add(
            new Violation(
                field, ELSEWHERE.getOrDefault(field, "is not a field that can be set here")));
      }
    }
  }

  private void readWritable(JsonNode body, Flag.Builder flag) {
    JsonNode description = body.get("description");
    if (description != null) {
      if (description.isNull()) {
        flag.description("");
      } else if (description.isString()) {
        flag.description(description.asString());
      } else {
        violations.add(new Violation("description", "must be a string"));
      }
    }
    JsonNode allowlist = body.get("userAllowlist");
    if (allowlist != null) {
      readAllowlist(allowlist, flag);
    }
    JsonNode metadata = body.get("metadata");
    if (metadata != null) {
      if (metadata.isNull()) {
        flag.metadata(Map.of());
      } else if (metadata.isObject()) {
        Map<String, @Nullable Object> value =
            java.util.Objects.requireNonNull(json).treeToValue(metadata, OBJECT);
        FlagValidator.checkMetadata(value)
            .ifPresentOrElse(violations::add, () -> flag.metadata(value));
      } else {
        violations.add(new Violation("metadata", "must be a JSON object"));
      }
    }
  }

  private void readAllowlist(JsonNode allowlist, Flag.Builder flag) {
    if (allowlist.isNull()) {
      flag.userAllowlist(List.of());
      return;
    }
    if (!allowlist.isArray()) {
      violations.add(new Violation("userAllowlist", "must be an array of user ids"));
      return;
    }
    List<Object> entries = new ArrayList<>();
    allowlist.forEach(entry -> entries.add(entry.isString() ? entry.asString() : entry));
    List<Violation> problems = FlagValidator.checkAllowlist(entries);
    if (!problems.isEmpty()) {
      violations.addAll(problems);
      return;
    }
    flag.userAllowlist(entries.stream().map(id -> UUID.fromString((String) id)).toList());
  }

  private void readBoolean(JsonNode body, String field, Flag.Builder flag) {
    JsonNode value = body.get(field);
    if (value == null) {
      return;
    }
    if (value.isBoolean()) {
      flag.enabled(value.asBoolean());
    } else {
      violations.add(new Violation(field, "must be true or false"));
    }
  }

  private void readRollout(JsonNode body, String field, Flag.Builder flag) {
    JsonNode value = body.get(field);
    if (value == null) {
      return;
    }
    if (!value.isIntegralNumber()) {
      violations.add(new Violation(field, "must be a whole number from 0 to 100"));
    } else if (!value.canConvertToInt()) {
      violations.add(new Violation(field, "must be between 0 and 100"));
    } else {
      flag.rolloutPercentage(value.asInt());
    }
  }

  private Flag validated(Flag flag) {
    Set<String> reported = new java.util.HashSet<>();
    violations.forEach(violation -> reported.add(violation.field()));
    // Fields that failed to read kept valid defaults, so this adds only what is new.
    FlagValidator.validate(flag).stream()
        .filter(violation -> !reported.contains(violation.field()))
        .forEach(violations::add);
    throwIfInvalid();
    return flag;
  }

  private void throwIfInvalid() {
    if (!violations.isEmpty()) {
      throw Problems.invalid(List.copyOf(violations));
    }
  }
}
