package dev.flagstream.admin.flag;

import dev.flagstream.contracts.flag.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What importing a set of flags does to the flags there are: which it creates, which it changes
 * (and which of their fields), which it leaves as they are. Flags the import does not name are left
 * alone; nothing is deleted. Computed before anything is written, for a dry run, and again inside
 * the import's transaction.
 *
 * @param changes one per imported flag, in the import's order
 */
public record ImportPlan(List<Change> changes) {
  /** What happens to one flag. */
  public enum Kind {
    CREATE,
    UPDATE,
    UNCHANGED
  }

  /**
   * @param before the flag as it is, null when it is to be created
   * @param after the flag as the import leaves it
   * @param fields the fields that change, by their API names; empty for {@link Kind#UNCHANGED}
   */
  public record Change(
      Kind kind, String name, @Nullable Flag before, Flag after, List<String> fields) {}

  /** The plan for importing {@code incoming} over {@code current}. */
  static ImportPlan of(List<Flag> current, List<Flag> incoming) {
    Map<String, Flag> existing =
        current.stream().collect(Collectors.toMap(Flag::name, Function.identity()));
    List<Change> changes = new ArrayList<>();
    for (Flag imported : incoming) {
      Flag before = existing.get(imported.name());
      if (before == null) {
        changes.add(
            new Change(Kind.CREATE, imported.name(), null, imported, fieldsOf(null, imported)));
        continue;
      }
      Flag after =
          before.toBuilder()
              .description(imported.description())
              .enabled(imported.enabled())
              .rolloutPercentage(imported.rolloutPercentage())
              .userAllowlist(imported.userAllowlist())
              .metadata(imported.metadata())
              .build();
      List<String> fields = fieldsOf(before, after);
      changes.add(
          new Change(
              fields.isEmpty() ? Kind.UNCHANGED : Kind.UPDATE,
              imported.name(),
              before,
              after,
              fields));
    }
    return new ImportPlan(List.copyOf(changes));
  }

  /** How many flags the plan gives {@code kind}. */
  public long count(Kind kind) {
    return changes.stream().filter(change -> change.kind() == kind).count();
  }

  /** The names of the flags the plan gives {@code kind}. */
  public List<String> names(Kind kind) {
    return changes.stream().filter(change -> change.kind() == kind).map(Change::name).toList();
  }

  private static List<String> fieldsOf(@Nullable Flag before, Flag after) {
    List<String> fields = new ArrayList<>();
    if (before == null || !before.description().equals(after.description())) {
      fields.add("description");
    }
    if (before == null || before.enabled() != after.enabled()) {
      fields.add("enabled");
    }
    if (before == null || before.rolloutPercentage() != after.rolloutPercentage()) {
      fields.add("rolloutPercentage");
    }
    if (before == null || !before.userAllowlist().equals(after.userAllowlist())) {
      fields.add("userAllowlist");
    }
    if (before == null || !Objects.equals(before.metadata(), after.metadata())) {
      fields.add("metadata");
    }
    return List.copyOf(fields);
  }
}
