package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.account.SignInSteps;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What admins do about two-factor sign-in: require it of roles, and reset a user's who lost their
 * authenticator and recovery codes. Both are audited.
 */
@Service
public final class TwoFactorAdministration {
  private final TwoFactorRepository enrolments;
  private final RequiredRoles requiredRoles;
  private final EncryptionKeys keys;
  private final SignInSteps steps;
  private final Sessions sessions;
  private final TwoFactorAudit audit;
  private final TransactionOperations transactions;

  TwoFactorAdministration(
      TwoFactorRepository enrolments,
      RequiredRoles requiredRoles,
      EncryptionKeys keys,
      SignInSteps steps,
      Sessions sessions,
      TwoFactorAudit audit,
      TransactionOperations transactions) {
    this.enrolments = enrolments;
    this.requiredRoles = requiredRoles;
    this.keys = keys;
    this.steps = steps;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  public Set<Role> requiredRoles() {
    return requiredRoles.get();
  }

  /**
   * Requires two-factor sign-in of {@code roles}' users from their next sign-in on. 409 when no
   * encryption key is configured: nobody could set it up, so everyone of those roles would be
   * locked out.
   */
  public Set<Role> require(Caller admin, Set<Role> roles, HttpServletRequest request) {
    if (!roles.isEmpty() && keys.isEmpty()) {
      throw Problems.conflict(
          "two-factor sign-in cannot be required before flags.two-factor.encryption-keys is"
              + " configured: nobody could set it up");
    }
    Set<Role> required = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    transactions.executeWithoutResult(
        transaction -> {
          Set<Role> before = requiredRoles.lock();
          requiredRoles.set(required);
          audit.record(
              admin.actor(),
              AuditAction.TWO_FACTOR_REQUIREMENT_CHANGED,
              "roles",
              Map.of("requiredForRoles", before),
              Map.of("requiredForRoles", required));
        });
    return required;
  }

  /**
   * Removes the user's two-factor sign-in, secret and recovery codes, and ends all their sessions:
   * they sign in with the password alone (and set it up again where their role requires it).
   *
   * @throws org.springframework.web.ErrorResponseException 404 without such a user, 409 when they
   *     have no two-factor sign-in
   */
  void reset(Caller admin, UUID userId, HttpServletRequest request) {
    if (steps.user(userId).isEmpty()) {
      throw Problems.notFound("no user with id " + userId);
    }
    transactions.executeWithoutResult(
        transaction -> {
          if (!enrolments.delete(userId)) {
            throw Problems.conflict("that user has no two-factor sign-in to reset");
          }
          // ended at once on every replica, even should this transaction not commit: a reset
          // that failed leaves the user signing in again, never a session that outlived it
          int ended = sessions.endAll(userId);
          audit.record(
              admin.actor(), AuditAction.TWO_FACTOR_RESET, userId, Map.of("sessionsEnded", ended));
        });
  }
}
