package dev.flagstream.admin.session;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.admin.audit.AuditLog;
import dev.flagstream.admin.system.RequestOrigin;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Browser sessions, for the features that start, renew and end them. Sessions live in the database
 * that every replica shares and are read from it on every request, so a session ended here is
 * refused on its very next request, on any replica. Methods that end sessions commit that at once,
 * in a transaction of their own, whether or not the caller's transaction commits later.
 */
@Component
public final class Sessions {
  private final UserSessions sessions;
  private final SessionPolicy policy;
  private final AuditLog audit;
  private final TransactionOperations transactions;
  private final Clock clock;

  Sessions(
      UserSessions sessions,
      SessionPolicy policy,
      AuditLog audit,
      TransactionOperations transactions,
      Clock clock) {
    this.sessions = sessions;
    this.policy = policy;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Starts a new session for {@code request}, whose caller has just proved who they are, and
   * records when and from where (address, user agent). The request's previous session, if any, ends
   * first: a session id from before signing in, planted or not, is never the one after.
   *
   * @return the new session, for the caller to store the security context in
   */
  public HttpSession start(HttpServletRequest request) {
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    Instant now = clock.instant();
    session.setAttribute(
        SessionDetails.ATTRIBUTE, SessionDetails.startingAt(now, RequestOrigin.of(request)));
    session.setAttribute(SessionDetails.LAST_SEEN, now);
    return session;
  }

  /**
   * Gives the session of {@code request} a new id, and the response a cookie with it; the old id
   * stops working at once, everything else stays (its handle included). The hook for a step-up:
   * call it whenever the session's user proves more than before, such as a second factor, so that
   * an id seen before the step cannot ride on what it unlocked. Does nothing without a session.
   */
  public void renewId(HttpServletRequest request) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
  }

  /** Ends every session of the user, and returns how many were still valid. */
  public int endAll(UUID userId) {
    return sessions.endAllBut(userId, null);
  }

  /**
   * Ends every session of the user but that of {@code request}, if it has one, and returns how many
   * were still valid.
   */
  public int endOthers(UUID userId, HttpServletRequest request) {
    return sessions.endAllBut(userId, currentId(request));
  }

  /**
   * Signs {@code request} out: ends its session, if it has one, and audits that as {@link
   * AuditAction#LOGOUT} of {@code actor}, when known.
   *
   * @return whether a session ended
   */
  public boolean signOut(HttpServletRequest request, @Nullable Actor actor) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    if (actor != null && actor.id() != null) {
      audited(actor, actor.id());
    }
    session.invalidate();
    return true;
  }

  private void audited(Actor actor, UUID userId) {
    transactions.executeWithoutResult(
        transaction -> audit.record(actor, AuditAction.LOGOUT, userId.toString(), null, null));
  }

  /**
   * The filter that ends sessions past their idle or absolute timeout, by the service's clock, and
   * notes each request as its session's latest. It belongs in the security filter chain, before the
   * security context is read from the session; it is no bean, so that the servlet container does
   * not run it a second time outside the chain.
   */
  public Filter lifetime() {
    return new SessionLifetime(policy.absoluteTimeout(), clock);
  }

  /** The id of the session of {@code request}, if it has one. */
  static @Nullable String currentId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getId();
  }
}
