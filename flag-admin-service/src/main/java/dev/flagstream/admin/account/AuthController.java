package dev.flagstream.admin.account;

import dev.flagstream.admin.session.Sessions;
import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out with a session cookie, and telling callers who they are. */
@RestController
class AuthController {
  private final SignInService signIns;
  private final SignInSteps steps;
  private final SecurityEvents events;
  private final Sessions sessions;
  private final SecurityContextHolderStrategy holder =
      SecurityContextHolder.getContextHolderStrategy();

  AuthController(
      SignInService signIns, SignInSteps steps, SecurityEvents events, Sessions sessions) {
    this.signIns = signIns;
    this.steps = steps;
    this.events = events;
    this.sessions = sessions;
  }

  record Credentials(@Nullable String email, @Nullable String password) {}

  /**
   * Starts a session; the cookie is HttpOnly, SameSite and, unless configured otherwise, Secure,
   * its id new (no session fixation). Too many failures answer 429 with {@code Retry-After}. When
   * the user's sign-in needs a {@link SecondFactor second step}, the session has no authority yet
   * and the answer is that step's instead of the caller.
   */
  @PostMapping("/api/auth/login")
  Object login(
      @RequestBody(required = false) @Nullable Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (credentials == null || credentials.email() == null || credentials.password() == null) {
      throw Problems.invalid("email", "and password are required");
    }
    SignInService.SignIn signIn =
        signIns.signIn(credentials.email(), credentials.password(), request);
    if (signIn.next().isPresent()) {
      return signIn.next().get().begin(signIn.caller(), request, response);
    }
    steps.signedIn(signIn.caller(), request, response);
    return signIn.caller();
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
