package dev.flagstream.admin.twofactor;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.SecondFactor;
import dev.flagstream.admin.account.SignInSteps;
import dev.flagstream.admin.account.User;
import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Signing in with two factors. After the password, a user with two-factor sign-in on gets a session
 * that can do nothing but take the second step, for {@code flags.two-factor.second-step-timeout}; a
 * user whose role must use it, and who has not set it up, gets a session that can do nothing but
 * set it up. A code that is wrong counts against the account and the address as a wrong password
 * does; the right one starts a session with a new id and the role's authority.
 */
@Service
public final class TwoFactorSignIn implements SecondFactor {
  /** The answer to a password sign-in that waits for a code. */
  record CodeRequired(boolean twoFactorRequired, Instant expiresAt) {}

  /** The answer to a password sign-in whose user must set up two-factor sign-in first. */
  record EnrolmentRequired(boolean twoFactorEnrolmentRequired) {}

  private final TwoFactorRepository enrolments;
  private final RequiredRoles requiredRoles;
  private final SignInSteps steps;
  private final CodeCheck codes;
  private final TwoFactorAudit audit;
  private final TransactionOperations transactions;
  private final TwoFactorProperties properties;
  private final Clock clock;

  TwoFactorSignIn(
      TwoFactorRepository enrolments,
      RequiredRoles requiredRoles,
      SignInSteps steps,
      CodeCheck codes,
      TwoFactorAudit audit,
      TransactionOperations transactions,
      TwoFactorProperties properties,
      Clock clock) {
    this.enrolments = enrolments;
    this.requiredRoles = requiredRoles;
    this.steps = steps;
    this.codes = codes;
    this.audit = audit;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Optional<Step> stepAfterPassword(User user) {
    if (enrolments.find(user.id()).filter(TwoFactorRepository.Enrolment::enabled).isPresent()) {
      return Optional.of(new CodeStep());
    }
    if (requiredRoles.get().contains(user.role())) {
      return Optional.of(new EnrolmentStep());
    }
    return Optional.empty();
  }

  /**
   * Completes the sign-in this request's session awaits with the authenticator's {@code code} or a
   * {@code recoveryCode}, as a form offers them: exactly one of the two. Answers the caller, signed
   * in under a new session id.
   *
   * @throws BadCredentialsException (401) when no sign-in awaits a code here, its time is up, or
   *     the code is wrong; 429 while the account or address must wait after failures
   */
  public Caller completeSignIn(
      @Nullable String code,
      @Nullable String recoveryCode,
      HttpServletRequest request,
      HttpServletResponse response) {
    return completeSignIn(OfferedCode.from(code, recoveryCode), request, response);
  }

  Caller completeSignIn(
      OfferedCode offered, HttpServletRequest request, HttpServletResponse response) {
    Caller caller =
        steps
            .awaitingSecondStep(request)
            .orElseThrow(
                () ->
                    new BadCredentialsException(
                        "no sign-in awaits a code in this session, or it waited too long:"
                            + " sign in with the password again"));
    steps.refuseIfThrottled(caller, Actor.ANONYMOUS, "sign-in", request);
    CodeCheck.Verdict verdict =
        Objects.requireNonNull(
            transactions.execute(
                transaction -> {
                  CodeCheck.Verdict checked = codes.spend(caller.id(), offered);
                  if (checked.accepted) {
                    signedIn(caller, checked, request);
                  } else {
                    // not yet proven to be the user: the attempt is anonymous, as a wrong
                    // password's
                    failed(Actor.ANONYMOUS, caller, checked.reason, "sign-in", request);
                  }
                  return checked;
                }));
    if (!verdict.accepted) {
      throw new BadCredentialsException("wrong code");
    }
    steps.signedIn(caller, request, response);
    return caller;
  }

  /**
   * Counts a refused code (or password) of {@code caller}'s against their account and the address,
   * as a wrong password counts, and audits it as {@code actor}'s; joins the caller's transaction.
   *
   * @param during what the code was for: {@code sign-in}, {@code enable}, {@code disable}
   */
  void failed(
      Actor actor, Caller caller, String reason, String during, HttpServletRequest request) {
    steps.failed(caller, reason, request);
    audit.record(
        actor,
        AuditAction.LOGIN_TWO_FACTOR_FAILED,
        caller.id(),
        Map.of("during", during, "reason", reason));
  }

  private void signedIn(Caller caller, CodeCheck.Verdict verdict, HttpServletRequest request) {
    steps.succeeded(caller, request);
    if (verdict == CodeCheck.Verdict.RECOVERY_CODE_ACCEPTED) {
      audit.record(
          caller.actor(),
          AuditAction.LOGIN_RECOVERY_CODE_USED,
          caller.id(),
          Map.of("recoveryCodesLeft", enrolments.recoveryCodesLeft(caller.id())));
    } else {
      audit.record(caller.actor(), AuditAction.LOGIN_TWO_FACTOR_SUCCEEDED, caller.id(), Map.of());
    }
  }

  private final class CodeStep implements Step {
    @Override
    public String name() {
      return "two-factor-code";
    }

    @Override
    public Object begin(Caller caller, HttpServletRequest request, HttpServletResponse response) {
      Instant until = clock.instant().plus(properties.secondStepTimeout());
      steps.awaitSecondStep(caller, until, request);
      return new CodeRequired(true, until);
    }
  }

  private final class EnrolmentStep implements Step {
    @Override
    public String name() {
      return "two-factor-enrolment";
    }

    @Override
    public Object begin(Caller caller, HttpServletRequest request, HttpServletResponse response) {
      steps.startEnrolment(caller, request, response);
      return new EnrolmentRequired(true);
    }
  }
}
