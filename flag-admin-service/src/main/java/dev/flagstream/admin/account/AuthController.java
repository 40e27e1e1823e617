package dev.flagstream.admin.account;

import dev.flagstream.admin.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
  private final SignOut signOut;

  AuthController(SignInService signIns, SignInSteps steps, SignOut signOut) {
    this.signIns = signIns;
    this.steps = steps;
    this.signOut = signOut;
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

  /**
   * What signing out answers when the session came from single sign-on with a provider that ends
   * its own sessions too (RP-initiated logout): the browser should go there next.
   */
  record SignedOut(String providerLogoutUrl) {}

  /** Ends the session: 204, or 200 with {@link SignedOut} to sign out of the provider too. */
  @PostMapping("/api/auth/logout")
  ResponseEntity<?> logout(
      HttpServletRequest request, @AuthenticationPrincipal @Nullable Caller caller) {
    String providerLogout = signOut.signOut(request, caller);
    return providerLogout == null
        ? ResponseEntity.noContent().build()
        : ResponseEntity.ok(new SignedOut(providerLogout));
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
