package dev.flagstream.admin.console;

import dev.flagstream.admin.account.ApiToken;
import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.PasswordChange;
import dev.flagstream.admin.account.TokenService;
import dev.flagstream.admin.session.OwnSessions;
import dev.flagstream.admin.twofactor.TwoFactorEnrolment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's settings: API tokens (a new one's secret shown once), sessions, password
 * and two-factor status. Through the services the API uses for the same things.
 */
@Controller
final class SettingsPage {
  private final TokenService tokens;
  private final OwnSessions sessions;
  private final PasswordChange passwords;
  private final TwoFactorEnrolment twoFactor;

  SettingsPage(
      TokenService tokens,
      OwnSessions sessions,
      PasswordChange passwords,
      TwoFactorEnrolment twoFactor) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.passwords = passwords;
    this.twoFactor = twoFactor;
  }

  @GetMapping("/settings")
  String settings(
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    model.addAttribute(
        "tokens",
        tokens.list(caller, false).stream().filter(token -> token.revokedAt() == null).toList());
    model.addAttribute("sessions", sessions.list(authentication, request));
    model.addAttribute("twoFactor", twoFactor.status(caller));
    return "console/settings";
  }

  @PostMapping("/settings/tokens")
  String createToken(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String expires,
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      java.time.Instant expiresAt =
          expires.isBlank()
              ? null
              : LocalDate.parse(expires.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
      ApiToken created = tokens.create(caller, name.isBlank() ? null : name.trim(), expiresAt);
      model.addAttribute("created", created);
    } catch (DateTimeParseException e) {
      response.setStatus(400);
      model.addAttribute("tokenError", "The expiry must be a date such as 2027-01-31.");
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      model.addAttribute(
          "tokenError", failure.fields().isEmpty() ? failure.message() : fields(failure));
    }
    return settings(caller, authentication, request, model);
  }

  @PostMapping("/settings/tokens/{id}/revoke")
  String revokeToken(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
    tokens.revoke(caller, id);
    return "redirect:/settings?revoked#tokens";
  }

  @PostMapping("/settings/sessions/{id}/end")
  String endSession(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    sessions.end(authentication, id, request);
    return "redirect:/settings#sessions";
  }

  @PostMapping("/settings/sessions/end-others")
  String endOtherSessions(Authentication authentication, HttpServletRequest request) {
    sessions.endOthers(authentication, request);
    return "redirect:/settings#sessions";
  }

  @PostMapping("/settings/password")
  String changePassword(
      @RequestParam(required = false) @Nullable String currentPassword,
      @RequestParam(required = false) @Nullable String newPassword,
      @AuthenticationPrincipal Caller caller,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      passwords.change(caller, currentPassword, newPassword, request);
      return "redirect:/settings?passwordChanged#password";
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      model.addAttribute("passwordFailure", failure);
      return settings(caller, authentication, request, model);
    }
  }

  private static String fields(Failure failure) {
    StringBuilder text = new StringBuilder();
    failure
        .fields()
        .forEach((field, reason) -> text.append(field).append(' ').append(reason).append(". "));
    return text.toString().trim();
  }
}
