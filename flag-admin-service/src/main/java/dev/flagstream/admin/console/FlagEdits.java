package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits on a flag's page: description and metadata, allowlist, rollout. Each is the API's call with
 * the page's version as {@code If-Match}: when someone changed the flag since the page was
 * rendered, nothing is written, and the page shows their version beside the edit, which the person
 * may then save over it knowingly.
 */
@Controller
final class FlagEdits {
  private final FlagDetail detail;
  private final JsonMapper json;

  FlagEdits(FlagDetail detail, JsonMapper json) {
    this.detail = detail;
    this.json = json;
  }

  @PostMapping("/flags/{name}/settings")
  String settings(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "{}") String metadata,
      @RequestParam(defaultValue = "") String version,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("descriptionDraft", description);
    model.addAttribute("metadataDraft", metadata);
    ObjectNode body = json.createObjectNode();
    body.put("description", description);
    try {
      body.set("metadata", json.readTree(metadata.isBlank() ? "{}" : metadata));
    } catch (JacksonException e) {
      response.setStatus(400);
      model.addAttribute(
          "settingsFailure",
          new Failure(
              400,
              "Please correct the marked fields.",
              java.util.Map.of("metadata", "is not valid JSON: " + e.getOriginalMessage())));
      return detail.page(name, caller, model);
    }
    return write(
        "settings",
        name,
        caller,
        response,
        model,
        () -> detail.flags().patch(name, body, version, caller.actor()));
  }

  @PostMapping("/flags/{name}/allowlist")
  String allowlist(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String allowlist,
      @RequestParam(defaultValue = "") String version,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("allowlistDraft", allowlist);
    AllowlistLines lines = AllowlistLines.parse(allowlist);
    ObjectNode body = json.createObjectNode();
    body.set("userAllowlist", json.valueToTree(lines.ids()));
    String page =
        write(
            "allowlist",
            name,
            caller,
            response,
            model,
            () -> detail.flags().patch(name, body, version, caller.actor()));
    if (model.getAttribute("allowlistFailure") instanceof Failure failure) {
      model.addAttribute("allowlistErrors", lines.errors(failure.fields()));
    }
    return page;
  }

  @PostMapping("/flags/{name}/rollout")
  String rollout(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String rollout,
      @RequestParam(defaultValue = "") String version,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("rolloutDraft", rollout);
    ObjectNode body = json.createObjectNode();
    JsonNode value;
    try {
      value = json.getNodeFactory().numberNode(Integer.parseInt(rollout.trim()));
    } catch (NumberFormatException e) {
      value = json.getNodeFactory().stringNode(rollout);
    }
    body.set("rolloutPercentage", value);
    return write(
        "rollout",
        name,
        caller,
        response,
        model,
        () -> detail.flags().rollout(name, body, version, caller.actor()));
  }

  /** Runs {@code change}; back to the flag's page when it went through, else the page again. */
  private String write(
      String form,
      String name,
      Caller caller,
      HttpServletResponse response,
      Model model,
      Runnable change) {
    try {
      change.run();
      return "redirect:/flags/" + Destinations.encode(name) + "?saved=" + form;
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      if (failure.status() == 404) {
        return FlagPage.missing(name, e, response, model);
      }
      response.setStatus(failure.status());
      model.addAttribute(form + "Failure", failure);
      if (failure.status() == 412) {
        model.addAttribute("conflict", form);
      }
      return detail.page(name, caller, model);
    }
  }
}
