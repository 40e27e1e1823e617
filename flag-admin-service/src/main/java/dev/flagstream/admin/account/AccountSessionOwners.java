package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.session.SessionOwners;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Tells the sessions feature about users, which only this feature knows. */
@Component
final class AccountSessionOwners implements SessionOwners {
  private final UserRepository users;

  AccountSessionOwners(UserRepository users) {
    this.users = users;
  }

  @Override
  public boolean exists(UUID userId) {
    return users.find(userId).isPresent();
  }

  @Override
  public Actor actor(Authentication caller) {
    if (caller.getPrincipal() instanceof Caller user) {
      return user.actor();
    }
    throw new IllegalArgumentException("not a user: " + caller.getName());
  }
}
