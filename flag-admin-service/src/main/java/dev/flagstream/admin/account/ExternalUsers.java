package dev.flagstream.admin.account;

import dev.flagstream.admin.session.Sessions;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Users whose identity a provider outside Flagstream vouches for (single sign-on). They have no
 * password anyone knows: a password sign-in as one of them costs the usual hash and fails, so it
 * tells nothing about the account. Every method joins the caller's transaction, if there is one;
 * auditing is the caller's part.
 */
@Component
public final class ExternalUsers {
  private final UserRepository users;
  private final Passwords passwords;
  private final Sessions sessions;

  ExternalUsers(UserRepository users, Passwords passwords, Sessions sessions) {
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
  }

  /**
   * {@code claimed} as accounts are named (trimmed, lower case), or empty when it is missing or no
   * plausible email address.
   */
  public static Optional<String> accountEmail(@Nullable String claimed) {
    if (claimed == null) {
      return Optional.empty();
    }
    String normalized = Emails.normalize(claimed);
    return Emails.check(normalized).isPresent() ? Optional.empty() : Optional.of(normalized);
  }

  /**
   * Creates a user with {@code role} named {@code email} (as {@link #accountEmail} gives it).
   *
   * @return the new user, or empty when another user already has that email
   */
  public Optional<User> create(String email, Role role) {
    return users.insertUnlessEmailTaken(email, passwords.unusable(), role);
  }

  /** The user with {@code id}, if there is one. */
  public Optional<User> find(UUID id) {
    return users.find(id);
  }

  /**
   * Gives {@code user} {@code role}. When that changes it, the user's sessions end, as when an
   * admin changes a role, so that no session goes on with the former one.
   *
   * @return the user as stored now
   */
  public User assignRole(User user, Role role) {
    if (user.role() == role) {
      return user;
    }
    User changed = users.updateRole(user.id(), role);
    sessions.endAll(user.id());
    return changed;
  }
}
