package dev.flagstream.admin.sso;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a login page, before anyone signs in, which ways of signing in this service offers. */
@RestController
public final class ProvidersController {
  static final String PATH = "/api/auth/providers";

  private final SsoProperties settings;

  ProvidersController(SsoProperties settings) {
    this.settings = settings;
  }

  /**
   * The ways of signing in.
   *
   * @param password whether {@code POST /api/auth/login} with an email and a password is open
   * @param sso the identity provider, or null when single sign-on is not configured
   */
  public record SignInMethods(boolean password, @Nullable Provider sso) {}

  /**
   * @param id the provider's registration id
   * @param displayName what to call it: "Sign in with …"
   * @param loginUrl where to send the browser (a navigation, not a fetch) to sign in through it
   */
  public record Provider(String id, String displayName, String loginUrl) {}

  @GetMapping(PATH)
  SignInMethods providers(HttpServletRequest request) {
    return methods(request.getContextPath());
  }

  /** The ways of signing in, with links under {@code contextPath}, for a login page. */
  public SignInMethods methods(String contextPath) {
    return new SignInMethods(
        settings.passwordLogin(),
        settings.enabled()
            ? new Provider(
                settings.registrationId(),
                settings.displayName(),
                contextPath + settings.loginPath())
            : null);
  }
}
