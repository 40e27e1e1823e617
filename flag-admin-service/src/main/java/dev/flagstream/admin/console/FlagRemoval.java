package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deleting a flag and reverting it to a state from its history: each asks first, naming the flag
 * (and, for a revert, what will change), then does it if the flag is still at the version the page
 * showed.
 */
@Controller
final class FlagRemoval {
  private final FlagDetail detail;

  FlagRemoval(FlagDetail detail) {
    this.detail = detail;
  }

  @PostMapping("/flags/{name}/delete")
  String delete(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String version,
      @RequestParam(required = false) @Nullable String confirm,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    if (!name.equals(confirm)) {
      model.addAttribute("asking", "delete");
      model.addAttribute("version", version);
      return ask(name, caller, response, model, confirm);
    }
    try {
      detail.flags().delete(name, version, caller.actor());
      return "redirect:/flags?deleted=" + Destinations.encode(name);
    } catch (ErrorResponseException e) {
      return refused(name, "delete", e, caller, response, model);
    }
  }

  @PostMapping("/flags/{name}/revert")
  String revert(
      @PathVariable String name,
      @RequestParam long auditId,
      @RequestParam(defaultValue = "") String version,
      @RequestParam(required = false) @Nullable String confirm,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    if (!name.equals(confirm)) {
      model.addAttribute("asking", "revert");
      model.addAttribute("auditId", auditId);
      model.addAttribute("version", version);
      detail.history(name, caller).stream()
          .filter(entry -> entry.id() == auditId)
          .findFirst()
          .ifPresent(entry -> model.addAttribute("revertTo", entry));
      return ask(name, caller, response, model, confirm);
    }
    try {
      detail.flags().revert(name, auditId, version.isBlank() ? null : version, caller.actor());
      return "redirect:/flags/" + Destinations.encode(name) + "?saved=revert";
    } catch (ErrorResponseException e) {
      return refused(name, "revert", e, caller, response, model);
    }
  }

  private String ask(
      String name,
      Caller caller,
      HttpServletResponse response,
      Model model,
      @Nullable String confirm) {
    if (confirm != null) {
      response.setStatus(400);
      model.addAttribute("askError", "Type the flag's name exactly to confirm.");
    }
    try {
      return detail.page(name, caller, model);
    } catch (ErrorResponseException e) {
      return FlagPage.missing(name, e, response, model);
    }
  }

  private String refused(
      String name,
      String form,
      ErrorResponseException e,
      Caller caller,
      HttpServletResponse response,
      Model model) {
    Failure failure = Failure.of(e);
    response.setStatus(failure.status());
    model.addAttribute(form + "Failure", failure);
    if (failure.status() == 412) {
      model.addAttribute("conflict", form);
    }
    try {
      return detail.page(name, caller, model);
    } catch (ErrorResponseException gone) {
      return FlagPage.missing(name, gone, response, model);
    }
  }
}
