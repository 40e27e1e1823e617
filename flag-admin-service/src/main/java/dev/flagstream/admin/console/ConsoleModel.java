package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.account.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the console knows about who is looking at it. Whether to show a control is
 * decided here from the role; whether to carry an action out, by the security rules and services,
 * whatever the page showed.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
final class ConsoleModel {
  @ModelAttribute("me")
  @Nullable Caller me(@AuthenticationPrincipal @Nullable Caller caller) {
    return caller;
  }

  /**
   * Whether the caller has their role's authority: not so while a second factor must still be set
   * up, when the console's navigation would lead only to refusals.
   */
  @ModelAttribute("signedIn")
  boolean signedIn(@Nullable Authentication authentication) {
    return authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority() != null && a.getAuthority().startsWith("ROLE_"));
  }

  /** Whether the controls that change flags are shown: EDITOR and ADMIN. */
  @ModelAttribute("canEdit")
  boolean canEdit(@AuthenticationPrincipal @Nullable Caller caller) {
    return caller != null && caller.role() != Role.VIEWER;
  }

  /** Whether the controls of users and of what the whole service requires are shown. */
  @ModelAttribute("isAdmin")
  boolean isAdmin(@AuthenticationPrincipal @Nullable Caller caller) {
    return caller != null && caller.role() == Role.ADMIN;
  }
}
