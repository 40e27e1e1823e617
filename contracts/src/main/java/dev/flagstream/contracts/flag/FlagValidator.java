package dev.flagstream.contracts.flag;

import dev.flagstream.contracts.internal.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validation routine for flags. Every service runs it before accepting a flag, so a flag
 * refused by one is refused by all, for the same reason. Each method returns every violation it
 * finds, never throws for bad input, and is thread-safe.
 */
public final class FlagValidator {
  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_DESCRIPTION_LENGTH = 1_000;
  public static final int MAX_ALLOWLIST_SIZE = 10_000;
  public static final int MAX_METADATA_BYTES = 16 * 1024;
  public static final int MAX_METADATA_DEPTH = 16;

  /** The name rule; {@code metmap-ai-copilot} and {@code checkout.v2_beta} pass. */
  public static final Pattern NAME_PATTERN = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,127}$");

  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private FlagValidator() {}

  /** Every violation of {@code flag}; empty when the flag is acceptable. */
  public static List<Violation> validate(Flag flag) {
    List<Violation> violations = new ArrayList<>();
    checkName(flag.name()).ifPresent(violations::add);
    checkDescription(flag.description()).ifPresent(violations::add);
    checkRolloutPercentage(flag.rolloutPercentage()).ifPresent(violations::add);
    violations.addAll(checkAllowlist(flag.userAllowlist()));
    checkMetadata(flag.metadata()).ifPresent(violations::add);
    return List.copyOf(violations);
  }

  public static Optional<Violation> checkName(@Nullable String name) {
    if (name == null || name.isEmpty()) {
      return violation("name", "is required");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return violation(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters, is " + name.length());
    }
    if (NAME_PATTERN.matcher(name).matches()) {
      return Optional.empty();
    }
    if (!isNameStart(name.charAt(0))) {
      return violation("name", "must start with a lowercase letter or a digit");
    }
    return violation(
        "name",
        "may contain only lowercase letters, digits, '.', '_' and '-', as in 'checkout.v2-beta'");
  }

  public static Optional<Violation> checkDescription(@Nullable String description) {
    if (description != null
        && description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
      return violation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    return Optional.empty();
  }

  public static Optional<Violation> checkRolloutPercentage(int rolloutPercentage) {
    if (rolloutPercentage < 0 || rolloutPercentage > 100) {
      return violation("rolloutPercentage", "must be between 0 and 100, is " + rolloutPercentage);
    }
    return Optional.empty();
  }

  /**
   * Checks an allowlist as received: each entry must be a {@link UUID} or its canonical text form
   * ({@code 8-4-4-4-12} hexadecimal digits, either case); at most {@value #MAX_ALLOWLIST_SIZE}
   * entries.
   */
  public static List<Violation> checkAllowlist(@Nullable Collection<?> entries) {
    if (entries == null) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    if (entries.size() > MAX_ALLOWLIST_SIZE) {
      violations.add(
          new Violation(
              "userAllowlist",
              "must have at most " + MAX_ALLOWLIST_SIZE + " entries, has " + entries.size()));
    }
    int index = 0;
    for (Object entry : entries) {
      if (!(entry instanceof UUID
          || entry instanceof String text && CANONICAL_UUID.matcher(text).matches())) {
        violations.add(
            new Violation(
                "userAllowlist[" + index + "]",
                "must be a user id in UUID form, such as 123e4567-e89b-12d3-a456-426614174000"));
      }
      index++;
    }
    return violations;
  }

  /**
   * Checks metadata as received: a JSON object (a {@link Map} of JSON values) of at most {@value
   * #MAX_METADATA_BYTES} bytes as compact UTF-8 JSON, nested at most {@value #MAX_METADATA_DEPTH}
   * levels deep (the object itself is level 1).
   */
  public static Optional<Violation> checkMetadata(@Nullable Object metadata) {
    if (metadata == null) {
      return Optional.empty();
    }
    if (!(metadata instanceof Map<?, ?> object)) {
      return violation("metadata", "must be a JSON object");
    }
    // Depth first: it bounds the recursion of everything after it.
    if (exceedsDepth(object, 1)) {
      return violation("metadata", "must be nested at most " + MAX_METADATA_DEPTH + " levels deep");
    }
    try {
      JsonValues.immutableObject(object);
    } catch (IllegalArgumentException notJson) {
      return violation("metadata", "must hold only JSON values");
    }
    int bytes = new JsonWriter().json(object).toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_METADATA_BYTES) {
      return violation(
          "metadata",
          "must be at most " + MAX_METADATA_BYTES + " bytes as compact JSON, is " + bytes);
    }
    return Optional.empty();
  }

  /** Counts containers only; gives up as soon as the limit is passed, so depth bounds the work. */
  private static boolean exceedsDepth(@Nullable Object value, int depth) {
    if (value instanceof Map<?, ?> map) {
      return depth > MAX_METADATA_DEPTH
          || map.values().stream().anyMatch(child -> exceedsDepth(child, depth + 1));
    }
    if (value instanceof Collection<?> list) {
      return depth > MAX_METADATA_DEPTH
          || list.stream().anyMatch(child -> exceedsDepth(child, depth + 1));
    }
    return false;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static Optional<Violation> violation(String field, String reason) {
    return Optional.of(new Violation(field, reason));
  }
}
