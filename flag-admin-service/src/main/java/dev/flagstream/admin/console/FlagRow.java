package dev.flagstream.admin.console;

import dev.flagstream.admin.flag.Flags;
import dev.flagstream.contracts.flag.Flag;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A flag as the console shows it.
 *
 * @param etag the version the page was rendered from, sent back as {@code If-Match}
 * @param critical whether its metadata marks it {@code "critical": true}: switching it needs its
 *     name typed, not only a click
 */
record FlagRow(
    String name,
    String description,
    boolean enabled,
    int rollout,
    long version,
    String etag,
    boolean critical,
    String changed,
    String changedAt) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static FlagRow of(Flag flag) {
    return new FlagRow(
        flag.name(),
        flag.description(),
        flag.enabled(),
        flag.rolloutPercentage(),
        flag.version(),
        Flags.etag(flag),
        isCritical(flag),
        SHOWN.format(flag.updatedAt()),
        flag.updatedAt().toString());
  }

  static boolean isCritical(Flag flag) {
    return Boolean.TRUE.equals(flag.metadata().get("critical"));
  }

  /** What the rollout means in words: to whom an enabled flag gives true. */
  public String rolloutLabel() {
    return switch (rollout) {
      case 100 -> "everyone";
      case 0 -> "allowlist only";
      default -> rollout + " % of users";
    };
  }
}
