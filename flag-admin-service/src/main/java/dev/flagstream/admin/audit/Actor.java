package dev.flagstream.admin.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who made a change: a user, or the service itself (no id) for what it does on its own, such as
 * bootstrapping the first admin.
 */
public record Actor(@Nullable UUID id, String email) {
  /** The service acting on its own. */
  public static final Actor SYSTEM = new Actor(null, "system");
}
