package dev.flagstream.admin.account;

import dev.flagstream.admin.account.SecurityEvents.Event;
import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Signing in with an email and a password. An account or address that failed too often must wait
 * (429 with {@code Retry-After}, before any hash is spent and without counting the attempt; the
 * first such refusal of each wait is audited); a server busy hashing other passwords refuses at
 * once (429). Every attempt that is checked is counted, audited and logged; the answer is the same
 * whether the email or the password is wrong.
 */
@Service
public class SignInService {
  private final UserRepository users;
  private final Passwords passwords;
  private final SignInThrottle throttle;
  private final AuditLog audit;
  private final SecurityEvents events;
  private final TransactionOperations transactions;
  private final ObjectProvider<SecondFactor> secondFactor;

  SignInService(
      UserRepository users,
      Passwords passwords,
      SignInThrottle throttle,
      AuditLog audit,
      SecurityEvents events,
      TransactionOperations transactions,
      ObjectProvider<SecondFactor> secondFactor) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.secondFactor = secondFactor;
  }

  /**
   * A password proved right: the caller, and the further step their sign-in needs, if any.
   *
   * @param next empty when the caller is signed in
   */
  public record SignIn(Caller caller, Optional<SecondFactor.Step> next) {}

  /** The caller these credentials prove, for a request from {@code request}'s address. */
  /**
   * @throws BadCredentialsException when the email or the password is wrong, alike for both
   * @throws org.springframework.web.ErrorResponseException 429 while the account or the address
   *     must wait, or while the server is busy hashing other passwords
   */
  public SignIn signIn(String email, String password, HttpServletRequest request) {
    String normalized = Emails.normalize(email);
    SignInSubjects subjects = SignInSubjects.of(normalized, request.getRemoteAddr());
    Optional<Duration> wait = throttle.retryAfter(subjects);
    if (wait.isPresent()) {
      auditThrottled(normalized, subjects, request);
      events.attempt(Event.THROTTLED, subjects, "too-many-failures", request);
      throw Problems.tooManyRequests(
          wait.get(),
          "too many failed sign-ins for this account or from this address;"
              + " retry after the seconds in Retry-After");
    }
    Optional<UserRepository.WithPassword> found = users.findByEmail(normalized);
    boolean matches;
    try {
      if (found.isPresent()) {
        matches = passwords.matches(password, found.get().passwordHash());
      } else {
        passwords.spendVerificationTime(password);
        matches = false;
      }
    } catch (HashPermits.HashingBusyException e) {
      events.attempt(Event.THROTTLED, subjects, "busy", request);
      throw e;
    }
    if (!matches) {
      String reason = found.isPresent() ? "wrong-password" : "unknown-email";
      String target =
          found.map(f -> f.user().id().toString()).orElse("email-sha256:" + subjects.emailHash());
      transactions.executeWithoutResult(
          transaction -> {
            throttle.failed(subjects);
            audit.record(
                Actor.ANONYMOUS,
                AuditAction.LOGIN_FAILED,
                target,
                null,
                circumstances(request, reason));
          });
      events.attempt(Event.LOGIN_FAILED, subjects, reason, request);
      throw new BadCredentialsException("wrong email or password");
    }
    User user = found.get().user();
    String stored = found.get().passwordHash();
    String upgraded = upgrade(password, stored);
    Optional<SecondFactor.Step> next = stepAfterPassword(user);
    Map<String, String> details = circumstances(request, null);
    next.ifPresent(step -> details.put("nextStep", step.name()));
    transactions.executeWithoutResult(
        transaction -> {
          if (next.isEmpty()) {
            // With a step to go, failures are forgiven only once it is passed: otherwise the
            // password alone would reset the count of guessed codes.
            throttle.succeeded(subjects);
          }
          if (upgraded != null) {
            users.replaceHash(user.id(), stored, upgraded);
          }
          audit.record(
              new Actor(user.id(), user.email()),
              next.isEmpty() ? AuditAction.LOGIN_SUCCEEDED : AuditAction.LOGIN_PASSWORD_ACCEPTED,
              user.id().toString(),
              null,
              details);
        });
    events.user(
        next.isEmpty() ? Event.LOGIN_SUCCEEDED : Event.PASSWORD_ACCEPTED,
        user.id().toString(),
        request);
    return new SignIn(
        new Caller(user.id(), user.email(), user.role(), Caller.AuthenticationMethod.SESSION),
        next);
  }

  private Optional<SecondFactor.Step> stepAfterPassword(User user) {
    SecondFactor factor = secondFactor.getIfAvailable();
    return factor == null ? Optional.empty() : factor.stepAfterPassword(user);
  }

  private void auditThrottled(String email, SignInSubjects subjects, HttpServletRequest request) {
    transactions.executeWithoutResult(
        transaction -> {
          if (throttle.firstRefusal(subjects)) {
            audit.record(
                Actor.ANONYMOUS,
                AuditAction.LOGIN_THROTTLED,
                users
                    .findByEmail(email)
                    .map(f -> f.user().id().toString())
                    .orElse("email-sha256:" + subjects.emailHash()),
                null,
                circumstances(request, "too-many-failures"));
          }
        });
  }

  /** A hash with today's parameters when the stored one is weaker; null when none is needed now. */
  private @Nullable String upgrade(String password, String stored) {
    if (!passwords.needsUpgrade(stored)) {
      return null;
    }
    try {
      return passwords.hash(password);
    } catch (HashPermits.HashingBusyException e) {
      return null; // the next sign-in upgrades it
    }
  }

  private static Map<String, String> circumstances(
      HttpServletRequest request, @Nullable String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("sourceAddress", request.getRemoteAddr());
    if (reason != null) {
      details.put("reason", reason);
    }
    return details;
  }
}
