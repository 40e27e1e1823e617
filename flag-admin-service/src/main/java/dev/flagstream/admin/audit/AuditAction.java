package dev.flagstream.admin.audit;

/** What a change did. Stored by name; names are never reused for another meaning. */
public enum AuditAction {
  FLAG_CREATED,
  FLAG_UPDATED,
  FLAG_TOGGLED,
  FLAG_ROLLOUT_CHANGED,
  FLAG_DELETED,
  FLAG_REVERTED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  USER_CREATED,
  USER_UPDATED,
  USER_DELETED,
  /** Someone signed in; the target is the user's id. */
  LOGIN_SUCCEEDED,
  /**
   * A sign-in failed; the target is the user's id when the email names an account, else {@code
   * email-sha256:} and the first 16 hex digits of the hash of the email that was tried.
   */
  LOGIN_FAILED;

  /** What kind of thing the action changes. */
  public TargetType targetType() {
    return TargetType.valueOf(name().substring(0, name().indexOf('_')));
  }

  /** The kinds of thing that changes are recorded for. */
  public enum TargetType {
    FLAG,
    TOKEN,
    USER,
    LOGIN
  }
}
