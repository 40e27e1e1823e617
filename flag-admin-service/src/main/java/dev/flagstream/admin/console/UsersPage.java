package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import dev.flagstream.admin.account.UserService;
import dev.flagstream.admin.twofactor.TwoFactorAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For admins: users and their roles, and which roles must sign in with two factors. Through the
 * services of {@code /api/admin/users} and {@code /api/admin/two-factor}, with their audit entries
 * and their effects (a changed role ends that user's sessions).
 */
@Controller
final class UsersPage {
  private final UserService users;
  private final TwoFactorAdministration twoFactor;

  UsersPage(UserService users, TwoFactorAdministration twoFactor) {
    this.users = users;
    this.twoFactor = twoFactor;
  }

  @GetMapping("/settings/users")
  String page(Model model) {
    model.addAttribute("users", users.list());
    model.addAttribute("roles", Role.values());
    model.addAttribute("requiredRoles", twoFactor.requiredRoles());
    return "console/users";
  }

  @PostMapping("/settings/users")
  String create(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(required = false) @Nullable Role role,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    try {
      users.create(caller.actor(), email, password, role);
      return "redirect:/settings/users?created";
    } catch (ErrorResponseException e) {
      return refused(Failure.of(e), response, model);
    }
  }

  @PostMapping("/settings/users/{id}/role")
  String role(
      @PathVariable UUID id,
      @RequestParam Role role,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    try {
      users.update(caller.actor(), id, role, null);
      return "redirect:/settings/users?changed";
    } catch (ErrorResponseException e) {
      return refused(Failure.of(e), response, model);
    }
  }

  @PostMapping("/settings/users/two-factor")
  String requireTwoFactor(
      @RequestParam(required = false) @Nullable List<Role> required,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (required != null) {
      roles.addAll(required);
    }
    twoFactor.require(caller, roles, request);
    return "redirect:/settings/users?required";
  }

  private String refused(Failure failure, HttpServletResponse response, Model model) {
    response.setStatus(failure.status());
    model.addAttribute("failure", failure);
    return page(model);
  }
}
