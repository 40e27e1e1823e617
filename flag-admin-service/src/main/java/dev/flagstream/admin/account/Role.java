package dev.flagstream.admin.account;

/** What a user may do; each role may do everything the ones below it may. */
public enum Role {
  /** Reads flags and the audit log. */
  VIEWER,
  /** Also changes flags. */
  EDITOR,
  /** Also manages users and everyone's tokens. */
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
