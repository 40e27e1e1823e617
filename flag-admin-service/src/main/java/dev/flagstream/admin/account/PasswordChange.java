package dev.flagstream.admin.account;

import dev.flagstream.admin.account.SecurityEvents.Event;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import dev.flagstream.contracts.flag.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A user changing their own password. The new one must pass the password rules (else 400 naming
 * {@code newPassword}, nothing changed). The current one proves it is them: a wrong one is counted
 * against the account and the address as a failed sign-in is, so guessing it here is throttled
 * alike (429 with {@code Retry-After}), and answered 400 naming {@code currentPassword}. Success
 * ends the user's other sessions and renews the id of the caller's own. Wrong, throttled and
 * successful attempts are audited and logged.
 */
@Service
public class PasswordChange {
  private final UserRepository users;
  private final Passwords passwords;
  private final SignInThrottle throttle;
  private final AuditLog audit;
  private final SecurityEvents events;
  private final Sessions sessions;
  private final TransactionOperations transactions;

  PasswordChange(
      UserRepository users,
      Passwords passwords,
      SignInThrottle throttle,
      AuditLog audit,
      SecurityEvents events,
      Sessions sessions,
      TransactionOperations transactions) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.events = events;
    this.sessions = sessions;
    this.transactions = transactions;
  }

  public void change(
      Caller caller,
      @Nullable String current,
      @Nullable String replacement,
      HttpServletRequest request) {
    List<Violation> violations = new ArrayList<>();
    if (current == null) {
      violations.add(new Violation("currentPassword", "is required"));
    }
    if (replacement == null) {
      violations.add(new Violation("newPassword", "is required"));
    } else {
      Passwords.check("newPassword", replacement, caller.email()).ifPresent(violations::add);
    }
    if (!violations.isEmpty() || current == null || replacement == null) {
      throw Problems.invalid(violations); // no violations means both were given
    }
    SignInSubjects subjects = SignInSubjects.of(caller.email(), request.getRemoteAddr());
    Optional<Duration> wait = throttle.retryAfter(subjects);
    if (wait.isPresent()) {
      transactions.executeWithoutResult(
          transaction -> {
            if (throttle.firstRefusal(subjects)) {
              failed(caller, "too-many-failures");
            }
          });
      events.attempt(Event.THROTTLED, subjects, "too-many-failures", request);
      throw Problems.tooManyRequests(
          wait.get(),
          "too many wrong passwords for this account or from this address;"
              + " retry after the seconds in Retry-After");
    }
    UserRepository.WithPassword stored =
        users
            .findWithPassword(caller.id())
            .orElseThrow(() -> Problems.notFound("your account no longer exists"));
    if (!passwords.matches(current, stored.passwordHash())) {
      transactions.executeWithoutResult(
          transaction -> {
            throttle.failed(subjects);
            failed(caller, "wrong-password");
          });
      events.user(Event.PASSWORD_CHANGE_FAILED, caller.id().toString(), request);
      throw Problems.invalid("currentPassword", "is not your current password");
    }
    String hash = passwords.hash(replacement);
    transactions.executeWithoutResult(
        transaction -> {
          if (!users.changePassword(caller.id(), stored.passwordHash(), hash)) {
            throw Problems.conflict("the password changed meanwhile; sign in again");
          }
          throttle.succeeded(subjects);
          int ended = sessions.endOthers(caller.id(), request);
          audit.record(
              caller.actor(),
              AuditAction.PASSWORD_CHANGED,
              caller.id().toString(),
              null,
              Map.of("otherSessionsEnded", ended));
        });
    sessions.renewId(request);
    events.user(Event.PASSWORD_CHANGED, caller.id().toString(), request);
  }

  private void failed(Caller caller, String reason) {
    audit.record(
        caller.actor(),
        AuditAction.PASSWORD_CHANGE_FAILED,
        caller.id().toString(),
        null,
        Map.of("reason", reason));
  }
}
