package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.User;
import dev.flagstream.admin.account.UserService;
import dev.flagstream.admin.session.SessionAdministration;
import dev.flagstream.admin.twofactor.TwoFactorAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * For admins: one user, their sessions (each can be ended, or all at once), resetting their
 * two-factor sign-in, and deleting them. Through the services of {@code /api/admin/users/{id}},
 * {@code .../2fa} and {@code .../sessions}, so with the same refusals and audit entries. Deleting
 * asks for the user's email typed; resetting asks once more.
 */
@Controller
final class UserPage {
  private final UserService users;
  private final TwoFactorAdministration twoFactor;
  private final SessionAdministration sessions;

  UserPage(UserService users, TwoFactorAdministration twoFactor, SessionAdministration sessions) {
    this.users = users;
    this.twoFactor = twoFactor;
    this.sessions = sessions;
  }

  @GetMapping("/settings/users/{id}")
  String page(
      @PathVariable UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    User user = users.find(id).orElse(null);
    if (user == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "console/user-missing";
    }
    model.addAttribute("user", user);
    model.addAttribute("hasTwoFactor", twoFactor.hasTwoFactor(id));
    model.addAttribute("sessions", sessions.list(id, request));
    return "console/user";
  }

  @PostMapping("/settings/users/{id}/delete")
  String delete(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String confirm,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    User user = users.find(id).orElse(null);
    if (user != null && !user.email().equals(confirm)) {
      model.addAttribute("asking", "delete");
      if (confirm != null) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("askError", "Type the user's email exactly to confirm.");
      }
      return page(id, request, response, model);
    }
    try {
      users.delete(caller.actor(), id);
      return "redirect:/settings/users?deleted";
    } catch (ErrorResponseException e) {
      return refused(e, id, request, response, model);
    }
  }

  @PostMapping("/settings/users/{id}/two-factor/reset")
  String resetTwoFactor(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean confirm,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (!confirm) {
      model.addAttribute("asking", "reset");
      return page(id, request, response, model);
    }
    try {
      twoFactor.reset(caller, id, request);
      return "redirect:/settings/users/" + id + "?reset";
    } catch (ErrorResponseException e) {
      return refused(e, id, request, response, model);
    }
  }

  @PostMapping("/settings/users/{id}/sessions/{session}/end")
  String endSession(
      @PathVariable UUID id,
      @PathVariable String session,
      Authentication caller,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      sessions.end(caller, id, session, request);
      return "redirect:/settings/users/" + id + "?ended#sessions";
    } catch (ErrorResponseException e) {
      return refused(e, id, request, response, model);
    }
  }

  @PostMapping("/settings/users/{id}/sessions/end-all")
  String endAllSessions(
      @PathVariable UUID id,
      Authentication caller,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      sessions.endAll(caller, id, request);
      return "redirect:/settings/users/" + id + "?ended#sessions";
    } catch (ErrorResponseException e) {
      return refused(e, id, request, response, model);
    }
  }

  private String refused(
      ErrorResponseException e,
      UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("failure", Failure.of(e));
    String page = page(id, request, response, model);
    if (response.getStatus() != HttpServletResponse.SC_NOT_FOUND) {
      response.setStatus(e.getStatusCode().value());
    }
    return page;
  }
}
