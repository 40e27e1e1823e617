package dev.flagstream.admin.account;

import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out with a session cookie, and telling callers who they are. */
@RestController
class AuthController {
  private final SignInService signIns;
  private final SecurityContextRepository contexts;
  private final SecurityEvents events;
  private final Sessions sessions;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  AuthController(
      SignInService signIns,
      SecurityContextRepository contexts,
      SecurityEvents events,
      Sessions sessions) {
    this.signIns = signIns;
    this.contexts = contexts;
    this.events = events;
    this.sessions = sessions;
  }

  record Credentials(@Nullable String email, @Nullable String password) {}

  /**
   * Starts a session; the cookie is HttpOnly, SameSite and, unless configured otherwise, Secure,
   * its id new (no session fixation). Too many failures answer 429 with {@code Retry-After}.
   */
  @PostMapping("/api/auth/login")
  Caller login(
      @RequestBody(required = false) @Nullable Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (credentials == null || credentials.email() == null || credentials.password() == null) {
      throw Problems.invalid("email", "and password are required");
    }
    Caller caller = signIns.signIn(credentials.email(), credentials.password(), request);
    sessions.start(request);
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(new CallerAuthentication(caller));
    holder.setContext(context);
    contexts.saveContext(context, request, response);
    return caller;
  }

  @PostMapping("/api/auth/logout")
  ResponseEntity<Void> logout(
      HttpServletRequest request, @AuthenticationPrincipal @Nullable Caller caller) {
    sessions.signOut(request, caller == null ? null : caller.actor());
    if (caller != null) {
      events.user(SecurityEvents.Event.LOGOUT, caller.id().toString(), request);
    }
    holder.clearContext();
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/auth/me")
  Caller me(@AuthenticationPrincipal Caller caller) {
    return caller;
  }

  /**
   * Sets the {@code XSRF-TOKEN} cookie, whose value a signed-in browser sends back in the {@code
   * X-XSRF-TOKEN} header with every write.
   */
  @GetMapping("/api/auth/csrf")
  ResponseEntity<Void> csrf(CsrfToken token) {
    token.getToken(); // loading the deferred token is what writes the cookie
    return ResponseEntity.noContent().build();
  }
}
