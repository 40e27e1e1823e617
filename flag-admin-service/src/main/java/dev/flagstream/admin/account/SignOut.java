package dev.flagstream.admin.account;

import dev.flagstream.admin.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Signing out of a browser session, for the API and the console alike: the session ends, the logout
 * is audited and logged, and the request goes on as anonymous.
 */
@Component
public final class SignOut {
  private final Sessions sessions;
  private final SecurityEvents events;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  SignOut(Sessions sessions, SecurityEvents events) {
    this.sessions = sessions;
    this.events = events;
  }

  /**
   * Ends the request's session, if any. Answers where the browser should go next to sign out of its
   * identity provider too (single sign-on with RP-initiated logout), or null.
   */
  public @Nullable String signOut(HttpServletRequest request, @Nullable Caller caller) {
    HttpSession session = request.getSession(false);
    String providerLogout = session == null ? null : BrowserSessions.providerLogout(session);
    sessions.signOut(request, caller == null ? null : caller.actor());
    if (caller != null) {
      events.user(SecurityEvents.Event.LOGOUT, caller.id().toString(), request);
    }
    holder.clearContext();
    return providerLogout;
  }
}
