package dev.flagstream.admin.session;

import dev.flagstream.admin.audit.Actor;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * What sessions need to know of their users, told by the accounts feature, which knows users.
 * Implementations are Spring beans; calls may read the database.
 */
public interface SessionOwners {
  /** Whether a user with this id exists. */
  boolean exists(UUID userId);

  /** The authenticated caller as the audit log names them. */
  Actor actor(Authentication caller);
}
