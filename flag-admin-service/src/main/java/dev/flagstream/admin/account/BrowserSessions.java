package dev.flagstream.admin.account;

import dev.flagstream.admin.session.SessionPolicy;
import dev.flagstream.admin.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Browser sessions for callers whom another part of the service authenticated, such as single
 * sign-on: the same session a password sign-in starts ({@link Sessions#start}), with a new id, the
 * cookie that {@code flags.session.*} describes, the same idle and absolute lifetimes, where it
 * started from recorded, and indexed by the user's id so that it is listed and ends with the user's
 * other sessions. Used on request threads only.
 */
@Component
public final class BrowserSessions {
  private static final String PROVIDER_LOGOUT = BrowserSessions.class.getName() + ".providerLogout";

  private final Sessions sessions;
  private final SecurityContextRepository contexts;
  private final SessionPolicy policy;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  BrowserSessions(Sessions sessions, SecurityContextRepository contexts, SessionPolicy policy) {
    this.sessions = sessions;
    this.contexts = contexts;
    this.policy = policy;
  }

  /**
   * Ends the session {@code request} came with, if any, and starts a new one signed in as {@code
   * caller}; the response carries its cookie.
   *
   * @param providerLogout where the browser should go to sign out of the identity provider too,
   *     which {@code POST /api/auth/logout} answers with when it ends this session; null for none
   */
  public void start(
      Caller caller,
      @Nullable String providerLogout,
      HttpServletRequest request,
      HttpServletResponse response) {
    HttpSession session = sessions.start(request);
    if (providerLogout != null) {
      session.setAttribute(PROVIDER_LOGOUT, providerLogout);
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(new CallerAuthentication(caller));
    holder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /**
   * Whether the service's cookies are {@code Secure} ({@code flags.session.secure-cookies}), so
   * that other cookies of a sign-in follow the session cookie's rules.
   */
  public boolean secureCookies() {
    return policy.secureCookies();
  }

  /** Where the browser of {@code session} should go to sign out of its identity provider too. */
  static @Nullable String providerLogout(HttpSession session) {
    return (String) session.getAttribute(PROVIDER_LOGOUT);
  }
}
