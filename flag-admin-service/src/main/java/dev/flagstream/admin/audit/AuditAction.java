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
  LOGIN_FAILED,
  /**
   * A sign-in was refused, unchecked, because its account or address must wait after too many
   * failures; target as for {@link #LOGIN_FAILED}. Recorded for the first refusal of each wait.
   */
  LOGIN_THROTTLED,
  /** Someone signed out, ending their session; the target is the user's id. */
  LOGOUT(TargetType.LOGIN),
  /**
   * One session was ended before its time, by its user or an admin; the target is the user's id.
   */
  SESSION_REVOKED(TargetType.USER),
  /**
   * Every session of a user but the one that asked was ended, by the user or an admin; the target
   * is the user's id.
   */
  OTHER_SESSIONS_REVOKED(TargetType.USER),
  /** A user changed their own password; the target is the user's id. */
  PASSWORD_CHANGED(TargetType.USER),
  /**
   * A user's attempt to change their password was refused for a wrong current password, or because
   * they must wait after too many; the target is the user's id.
   */
  PASSWORD_CHANGE_FAILED(TargetType.USER),
  // Two-factor sign-in (the twofactor package); the target is the user's id.
  /** A password proved right and the sign-in awaits a second step, named in {@code nextStep}. */
  LOGIN_PASSWORD_ACCEPTED,
  /** The second step passed with an authenticator's code: the sign-in is complete. */
  LOGIN_TWO_FACTOR_SUCCEEDED,
  /** The second step passed with a recovery code, now spent: the sign-in is complete. */
  LOGIN_RECOVERY_CODE_USED,
  /** A two-factor code or recovery code was refused; {@code reason} and {@code during} say more. */
  LOGIN_TWO_FACTOR_FAILED,
  /** A user turned two-factor sign-in on. */
  TWO_FACTOR_ENABLED(TargetType.USER),
  /** A user turned two-factor sign-in off. */
  TWO_FACTOR_DISABLED(TargetType.USER),
  /** An admin removed a user's two-factor sign-in, ending that user's sessions. */
  TWO_FACTOR_RESET(TargetType.USER),
  /** An admin changed which roles must sign in with two factors; the target is {@code roles}. */
  TWO_FACTOR_REQUIREMENT_CHANGED(TargetType.USER),
  // Single sign-on (the sso package).
  /** Someone signed in through the OpenID Connect provider; the target is the user's id. */
  LOGIN_SSO_SUCCEEDED,
  /**
   * The provider vouched for someone whom Flagstream refused, such as one whose claims give no
   * role; the target is the user's id when the identity is linked to one, else {@code sso-subject:}
   * and the provider's subject. No user or session was created.
   */
  LOGIN_SSO_REFUSED,
  /** A user was created at their first sign-in through the provider (just in time). */
  USER_PROVISIONED,
  /**
   * A set of flags was imported in one transaction; the target is {@code (import)} and {@code
   * after} names the flags created, updated and left unchanged, each of which has its own entry
   * with the same request id.
   */
  FLAGS_IMPORTED(TargetType.FLAG);

  private final TargetType targetType;

  /** An action named after its target type: {@code FLAG_…}, {@code TOKEN_…}. */
  AuditAction() {
    this.targetType = TargetType.valueOf(name().substring(0, name().indexOf('_')));
  }

  AuditAction(TargetType targetType) {
    this.targetType = targetType;
  }

  /** What kind of thing the action changes. */
  public TargetType targetType() {
    return targetType;
  }

  /** Whether the attempt the action records was carried out or refused. */
  public Outcome outcome() {
    if (name().endsWith("_FAILED") || name().endsWith("_REFUSED")) {
      return Outcome.FAILED;
    }
    return name().endsWith("_THROTTLED") ? Outcome.THROTTLED : Outcome.SUCCEEDED;
  }

  /** The kinds of thing that changes are recorded for. */
  public enum TargetType {
    FLAG,
    TOKEN,
    USER,
    LOGIN
  }

  /** How an attempt ended. */
  public enum Outcome {
    /** It was carried out. */
    SUCCEEDED,
    /** It was checked and refused: a wrong password, for instance. */
    FAILED,
    /** It was refused unchecked, because its subject must wait after too many failures. */
    THROTTLED
  }
}
