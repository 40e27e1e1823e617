package dev.flagstream.admin.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an audit entry changed, in words a person reads at a glance: one line per field that
 * differs, its value before and after, with the fields people care about first and the ones the
 * service keeps for itself (versions, timestamps) left out.
 */
final class StateDiff {
  private static final TypeReference<Map<String, @Nullable Object>> OBJECT =
      new TypeReference<>() {};
  private static final List<String> FIRST =
      List.of("enabled", "rolloutPercentage", "description", "userAllowlist", "metadata", "name");
  private static final Set<String> KEPT_BY_THE_SERVICE =
      Set.of("version", "createdAt", "updatedAt", "createdBy", "lastUsedAt");

  /**
   * One changed field.
   *
   * @param before the value before, in words, or empty when the field had none
   * @param after the value after, in words, or empty when it has none now
   */
  record Change(String field, String before, String after) {}

  private final JsonMapper json;

  StateDiff(JsonMapper json) {
    this.json = json;
  }

  /** The changes from {@code before} to {@code after}, JSON objects or null for "none". */
  List<Change> between(@Nullable String before, @Nullable String after) {
    Map<String, @Nullable Object> old = parse(before);
    Map<String, @Nullable Object> now = parse(after);
    Set<String> fields = new LinkedHashSet<>();
    for (String field : FIRST) {
      if (old.containsKey(field) || now.containsKey(field)) {
        fields.add(field);
      }
    }
    Set<String> rest = new TreeSet<>(old.keySet());
    rest.addAll(now.keySet());
    fields.addAll(rest);
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      Object was = old.get(field);
      Object is = now.get(field);
      if (KEPT_BY_THE_SERVICE.contains(field) || Objects.equals(was, is)) {
        continue;
      }
      if (was instanceof List<?> wasList && is instanceof List<?> isList) {
        changes.add(listChange(field, wasList, isList));
      } else {
        changes.add(new Change(label(field), words(field, was), words(field, is)));
      }
    }
    return changes;
  }

  /** A list shown by what left and what joined it, not as two long lists. */
  private Change listChange(String field, List<?> was, List<?> is) {
    List<Object> removed = new ArrayList<>(was);
    removed.removeAll(is);
    List<Object> added = new ArrayList<>(is);
    added.removeAll(was);
    return new Change(
        label(field),
        removed.isEmpty() ? "" : "removed " + String.join(", ", texts(removed)),
        added.isEmpty() ? "" : "added " + String.join(", ", texts(added)));
  }

  private static List<String> texts(List<Object> values) {
    return values.stream().map(String::valueOf).toList();
  }

  private String words(String field, @Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (field.equals("enabled") && value instanceof Boolean on) {
      return on ? "on" : "off";
    }
    if (field.equals("rolloutPercentage")) {
      return value + " %";
    }
    if (value instanceof String text) {
      return text;
    }
    return json.writeValueAsString(value);
  }

  private static String label(String field) {
    return switch (field) {
      case "enabled" -> "State";
      case "rolloutPercentage" -> "Rollout";
      case "description" -> "Description";
      case "userAllowlist" -> "Allowlist";
      case "metadata" -> "Metadata";
      case "name" -> "Name";
      default -> field;
    };
  }

  private Map<String, @Nullable Object> parse(@Nullable String state) {
    if (state == null || state.isBlank()) {
      return Map.of();
    }
    Map<String, @Nullable Object> object = json.readValue(state, OBJECT);
    return object == null ? Map.of() : object;
  }
}
