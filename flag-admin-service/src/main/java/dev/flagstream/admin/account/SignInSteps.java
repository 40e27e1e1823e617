package dev.flagstream.admin.account;

import dev.flagstream.admin.account.SecurityEvents.Event;
import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What a further sign-in step, such as a {@link SecondFactor}, builds on: the sessions of each
 * stage of a sign-in, the throttle that counts its failures with the password's, and checking the
 * password again. Sessions start through {@link Sessions#start}, which records where from, so an id
 * planted before signing in never gains authority; the step that completes a sign-in renews the id
 * of the session the password started ({@link Sessions#renewId}), so an id seen before the step
 * cannot ride on what it unlocked.
 */
@Component
public final class SignInSteps {
  private static final String AWAITING = SignInSteps.class.getName() + ".AWAITING";
  // The user whose sign-in a session started for, until its last step is passed.
  private static final String SIGNING_IN = SignInSteps.class.getName() + ".SIGNING_IN";

  private final SignInThrottle throttle;
  private final UserRepository users;
  private final Passwords passwords;
  private final SecurityEvents events;
  private final SecurityContextRepository contexts;
  private final Sessions sessions;
  private final AuditLog audit;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  SignInSteps(
      SignInThrottle throttle,
      UserRepository users,
      Passwords passwords,
      SecurityEvents events,
      SecurityContextRepository contexts,
      Sessions sessions,
      AuditLog audit,
      TransactionOperations transactions,
      Clock clock) {
    this.throttle = throttle;
    this.users = users;
    this.passwords = passwords;
    this.events = events;
    this.contexts = contexts;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A sign-in waiting for its second step, kept in the session until {@code until}. */
  private record Awaiting(Caller caller, Instant until) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Gives the request a session with all the authority of {@code caller}'s role, under a new id.
   * When the request's session is one that {@link #awaitSecondStep} or {@link #startEnrolment}
   * started for {@code caller}, this is its last step: that session goes on (when and where it
   * started stays) with its id renewed. Otherwise, as for a sign-in by password alone, a new
   * session starts and the request's previous one, if any, ends.
   */
  public void signedIn(Caller caller, HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null && caller.id().equals(session.getAttribute(SIGNING_IN))) {
      session.removeAttribute(AWAITING);
      session.removeAttribute(SIGNING_IN);
      sessions.renewId(request);
    } else {
      sessions.start(request);
    }
    save(new CallerAuthentication(caller), request, response);
  }

  /**
   * Starts a session (a new id) whose only authority is {@link SecondFactor#ENROLMENT_AUTHORITY}:
   * the caller may enrol a second factor and sign out, nothing else.
   */
  public void startEnrolment(
      Caller caller, HttpServletRequest request, HttpServletResponse response) {
    startSigningIn(caller, request);
    save(new CallerAuthentication(caller, SecondFactor.ENROLMENT_AUTHORITY), request, response);
  }

  /**
   * Starts a session (a new id) with no authority, in which {@code caller}'s sign-in awaits its
   * second step until {@code until}. It is indexed under the user's id, so ending the user's
   * sessions ends it too.
   */
  public void awaitSecondStep(Caller caller, Instant until, HttpServletRequest request) {
    HttpSession session = startSigningIn(caller, request);
    session.setAttribute(AWAITING, new Awaiting(caller, until));
    session.setAttribute(
        FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, caller.id().toString());
  }

  /**
   * The caller whose sign-in awaits its second step in this request's session, if one does and its
   * time is not up. A session whose time is up is ended.
   */
  public Optional<Caller> awaitingSecondStep(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(AWAITING) instanceof Awaiting awaiting)) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(awaiting.until())) {
      session.invalidate();
      return Optional.empty();
    }
    return Optional.of(awaiting.caller());
  }

  /**
   * Refuses with 429 and {@code Retry-After}, as a password sign-in would be, while {@code
   * caller}'s account or the request's address must wait after failures. As for a password sign-in,
   * the first refusal of each wait, whichever step it refuses, is audited: {@link
   * AuditAction#LOGIN_THROTTLED} of {@code actor}, about {@code caller}, with {@code during} in its
   * {@code after}; that entry commits although the request fails.
   *
   * @param during what the refused step was for, as audited: {@code sign-in}, for one
   */
  public void refuseIfThrottled(
      Caller caller, Actor actor, String during, HttpServletRequest request) {
    SignInSubjects subjects = subjects(caller, request);
    Optional<Duration> wait = throttle.retryAfter(subjects);
    if (wait.isPresent()) {
      transactions.executeWithoutResult(
          transaction -> {
            if (throttle.firstRefusal(subjects)) {
              audit.record(
                  actor,
                  AuditAction.LOGIN_THROTTLED,
                  caller.id().toString(),
                  null,
                  Map.of("reason", "too-many-failures", "during", during));
            }
          });
      events.attempt(Event.THROTTLED, subjects, "too-many-failures", request);
      throw Problems.tooManyRequests(
          wait.get(),
          "too many failed sign-ins for this account or from this address;"
              + " retry after the seconds in Retry-After");
    }
  }

  /**
   * Counts a failed step against {@code caller}'s account and the request's address, as a wrong
   * password counts, and logs it; joins the caller's transaction.
   */
  public void failed(Caller caller, String reason, HttpServletRequest request) {
    SignInSubjects subjects = subjects(caller, request);
    throttle.failed(subjects);
    events.attempt(Event.LOGIN_FAILED, subjects, reason, request);
  }

  /**
   * {@code caller} passed the last step: their account's failures are forgiven and the sign-in is
   * logged. Joins the caller's transaction.
   */
  public void succeeded(Caller caller, HttpServletRequest request) {
    throttle.succeeded(subjects(caller, request));
    events.user(Event.LOGIN_SUCCEEDED, caller.id().toString(), request);
  }

  /**
   * Whether {@code password} is {@code caller}'s. Costs a password hash.
   *
   * @throws HashPermits.HashingBusyException (429) when too many hashes run already
   */
  public boolean passwordMatches(Caller caller, String password) {
    Optional<UserRepository.WithPassword> found = users.findByEmail(caller.email());
    if (found.isEmpty() || !found.get().user().id().equals(caller.id())) {
      passwords.spendVerificationTime(password);
      return false;
    }
    return passwords.matches(password, found.get().passwordHash());
  }

  /** The user with that id, if there is one. */
  public Optional<User> user(UUID id) {
    return users.find(id);
  }

  private static SignInSubjects subjects(Caller caller, HttpServletRequest request) {
    return SignInSubjects.of(Emails.normalize(caller.email()), request.getRemoteAddr());
  }

  private HttpSession startSigningIn(Caller caller, HttpServletRequest request) {
    HttpSession session = sessions.start(request);
    session.setAttribute(SIGNING_IN, caller.id());
    return session;
  }

  private void save(
      CallerAuthentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(authentication);
    holder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
