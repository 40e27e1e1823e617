package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.contracts.evaluation.CompiledFlag;
import dev.flagstream.contracts.evaluation.Evaluation;
import dev.flagstream.contracts.flag.Flag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A flag's page, and the preview of what its rollout gives a user. */
@Controller
final class FlagPage {
  private final FlagDetail detail;

  FlagPage(FlagDetail detail) {
    this.detail = detail;
  }

  @GetMapping("/flags/{name}")
  String flag(
      @PathVariable String name,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    try {
      return detail.page(name, caller, model);
    } catch (ErrorResponseException e) {
      return missing(name, e, response, model);
    }
  }

  /**
   * What the flag, at rollout {@code rollout} (the slider's position, saved or not), gives {@code
   * userId}: the contracts' evaluation, as every SDK and evaluator computes it.
   */
  @GetMapping("/flags/{name}/preview")
  String preview(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String userId,
      @RequestParam(required = false) @Nullable Integer rollout,
      HttpServletResponse response,
      Model model) {
    Flag flag;
    try {
      flag = detail.flags().get(name);
    } catch (ErrorResponseException e) {
      return missing(name, e, response, model);
    }
    int percentage =
        rollout == null ? flag.rolloutPercentage() : Math.max(0, Math.min(100, rollout));
    CompiledFlag compiled = CompiledFlag.of(flag.toBuilder().rolloutPercentage(percentage).build());
    String user = userId.trim();
    if (!user.isEmpty()) {
      Evaluation evaluation = compiled.evaluate(user);
      model.addAttribute("previewUser", user);
      model.addAttribute("previewValue", evaluation.value());
      model.addAttribute(
          "previewReason",
          evaluation.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      model.addAttribute("previewBucket", compiled.bucket(user));
    }
    model.addAttribute("previewRollout", percentage);
    return "console/flag :: preview";
  }

  static String missing(
      String name, ErrorResponseException e, HttpServletResponse response, Model model) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("name", name);
    model.addAttribute("failure", Failure.of(e));
    return "console/missing";
  }
}
