package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.SecondFactor;
import dev.flagstream.admin.account.SignInService;
import dev.flagstream.admin.account.SignInSteps;
import dev.flagstream.admin.account.SignOut;
import dev.flagstream.admin.sso.ProvidersController;
import dev.flagstream.admin.twofactor.TwoFactorSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in and out: the password, then the second step when the account has one, or a link to the
 * identity provider when single sign-on is configured. Through the same services as {@code
 * /api/auth/login}, so the throttling, the audit and the answers are the same; a wrong email and a
 * wrong password read alike.
 */
@Controller
final class SignInPage {
  private static final String WRONG = "Wrong email or password.";

  private final SignInService signIns;
  private final SignInSteps steps;
  private final TwoFactorSignIn twoFactor;
  private final SignOut signOut;
  private final ProvidersController providers;

  SignInPage(
      SignInService signIns,
      SignInSteps steps,
      TwoFactorSignIn twoFactor,
      SignOut signOut,
      ProvidersController providers) {
    this.signIns = signIns;
    this.steps = steps;
    this.twoFactor = twoFactor;
    this.signOut = signOut;
    this.providers = providers;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/flags";
  }

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) @Nullable String next,
      @RequestParam(required = false) @Nullable String signedOut,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("next", Destinations.safe(next));
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("methods", providers.methods(request.getContextPath()));
    return "console/login";
  }

  @PostMapping("/login")
  String signIn(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(required = false) @Nullable String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String destination = Destinations.safe(next);
    if (!providers.methods(request.getContextPath()).password()) {
      // single sign-on only: as POST /api/auth/login, a password is not taken at all
      return refused(
          model,
          request,
          response,
          403,
          "Sign in with your organisation's account instead.",
          email);
    }
    try {
      if (email.isBlank() || password.isEmpty()) {
        return refused(model, request, response, 400, "Enter your email and your password.", email);
      }
      SignInService.SignIn signIn = signIns.signIn(email, password, request);
      if (signIn.next().isPresent()) {
        SecondFactor.Step step = signIn.next().get();
        step.begin(signIn.caller(), request, response);
        return step.name().equals("two-factor-code")
            ? "redirect:/login/2fa?next=" + Destinations.encode(destination)
            : "redirect:/settings/two-factor";
      }
      steps.signedIn(signIn.caller(), request, response);
      return "redirect:" + destination;
    } catch (BadCredentialsException e) {
      return refused(model, request, response, 401, WRONG, email);
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      return refused(model, request, response, failure.status(), failure.message(), email);
    }
  }

  @GetMapping("/login/2fa")
  String secondStep(@RequestParam(required = false) @Nullable String next, Model model) {
    model.addAttribute("next", Destinations.safe(next));
    return "console/login-2fa";
  }

  @PostMapping("/login/2fa")
  String completeSignIn(
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String recoveryCode,
      @RequestParam(required = false) @Nullable String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String destination = Destinations.safe(next);
    model.addAttribute("next", destination);
    try {
      twoFactor.completeSignIn(blankAsNull(code), blankAsNull(recoveryCode), request, response);
      return "redirect:" + destination;
    } catch (BadCredentialsException e) {
      response.setStatus(401);
      model.addAttribute(
          "error",
          "That code is not right, or this sign-in waited too long. Try again, or sign in with"
              + " your password again.");
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      model.addAttribute(
          "error",
          failure.status() == 400 ? "Enter the six digits your app shows." : failure.message());
    }
    return "console/login-2fa";
  }

  @PostMapping("/logout")
  String logout(HttpServletRequest request, @AuthenticationPrincipal @Nullable Caller caller) {
    String providerLogout = signOut.signOut(request, caller);
    return providerLogout == null ? "redirect:/login?signedOut" : "redirect:" + providerLogout;
  }

  private String refused(
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String message,
      String email) {
    response.setStatus(status);
    model.addAttribute("error", message);
    model.addAttribute("email", email);
    model.addAttribute("next", Destinations.safe(request.getParameter("next")));
    model.addAttribute("methods", providers.methods(request.getContextPath()));
    return "console/login";
  }

  private static @Nullable String blankAsNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
