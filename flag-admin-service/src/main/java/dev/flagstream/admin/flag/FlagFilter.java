package dev.flagstream.admin.flag;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which flags a list shows; each absent criterion matches every flag.
 *
 * @param search a part of the name, or null
 * @param enabled only flags switched on (true) or off (false), or null for both
 * @param partialRollout only flags rolled out to some users but not all (1–99 %)
 * @param changedSince only flags changed at or after this instant, or null
 */
public record FlagFilter(
    @Nullable String search,
    @Nullable Boolean enabled,
    boolean partialRollout,
    @Nullable Instant changedSince) {
  /** Every flag. */
  public static final FlagFilter ALL = new FlagFilter(null, null, false, null);
}
