package dev.flagstream.admin.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * A step of signing in after the password, such as a two-factor code, which another feature
 * provides. While a step is outstanding the session has no authority of the user's role: the
 * password's failures are not forgiven and no sign-in is recorded until the step is passed.
 */
public interface SecondFactor {
  /**
   * The only authority of a session whose user must enrol a second factor before anything else: see
   * {@link SignInSteps#startEnrolment}.
   */
  String ENROLMENT_AUTHORITY = "SECOND_FACTOR_ENROLMENT";

  /**
   * What {@code user}, whose password has just proved right, must still do; empty when the password
   * is enough. Reads the database; never null.
   */
  Optional<Step> stepAfterPassword(User user);

  /** An outstanding step of a sign-in. */
  interface Step {
    /** What the step is, as audited and logged: {@code two-factor-code}, for one. */
    String name();

    /**
     * Starts the session (a new id) in which the step is taken, and returns what the password
     * sign-in answers with instead of the caller.
     */
    Object begin(Caller caller, HttpServletRequest request, HttpServletResponse response);
  }
}
