package dev.flagstream.admin.sso;

import java.io.Serial;

/** Someone the provider vouched for may not sign in here; nothing was created for them. */
final class SsoRefusal extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Why, as the audit log and the security events name it. */
  enum Reason {
    NO_ROLE("no-role"),
    NO_EMAIL("no-email"),
    EMAIL_TAKEN("email-taken");

    final String key;

    Reason(String key) {
      this.key = key;
    }
  }

  private final Reason reason;

  SsoRefusal(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
