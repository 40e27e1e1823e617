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

  /** Someone who has not proved who they are, such as the author of a failed sign-in. */
  public static final Actor ANONYMOUS = new Actor(null, "anonymous");
}
