package dev.flagstream.admin.account;

import dev.flagstream.admin.audit.Actor;
import java.io.Serializable;
import java.util.UUID;

/**
 * The authenticated caller of a request, as controllers receive it.
 *
 * @param authenticatedBy how the caller proved who they are
 */
public record Caller(UUID id, String email, Role role, AuthenticationMethod authenticatedBy)
    implements Serializable {
  /** The caller as the audit log records them. */
  public Actor actor() {
    return new Actor(id, email);
  }

  /** How a caller authenticated. */
  public enum AuthenticationMethod {
    /** A session cookie from {@code POST /api/auth/login}. */
    SESSION,
    /** An API token in {@code Authorization: Bearer}. */
    API_TOKEN,
    /** A session cookie from signing in through the OpenID Connect provider (single sign-on). */
    SSO
  }
}
