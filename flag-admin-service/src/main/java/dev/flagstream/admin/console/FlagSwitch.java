package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.flag.Flags;
import dev.flagstream.contracts.flag.Flag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Switching a flag on or off from the dashboard or its page, in two steps: the first post asks for
 * a confirmation that names the flag (for a flag marked critical, its name must be typed); the
 * second, carrying that confirmation, switches it, if the flag is still at the version the page
 * showed. Without a script each step is a page; with htmx, a row.
 */
@Controller
final class FlagSwitch {
  private final Flags flags;
  private final LiveFlags live;

  FlagSwitch(Flags flags, LiveFlags live) {
    this.flags = flags;
    this.live = live;
  }

  /** The flag's row of the dashboard as it is now; nothing when it no longer exists. */
  @GetMapping("/flags/{name}/row")
  String row(
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String back,
      Model model) {
    model.addAttribute("back", Destinations.safe(back));
    try {
      // the row fragment iterates the rows it is given, as the page does
      model.addAttribute("rows", List.of(FlagRow.of(flags.get(name))));
      return "console/flags :: row";
    } catch (ErrorResponseException e) {
      return "console/flags :: gone";
    }
  }

  /** The stream of changes that keeps open pages up to date. */
  @GetMapping(path = "/live", produces = "text/event-stream")
  @ResponseBody
  SseEmitter live() {
    return live.open();
  }

  @PostMapping("/flags/{name}/toggle")
  String toggle(
      @PathVariable String name,
      @RequestParam boolean enabled,
      @RequestParam(required = false) @Nullable String version,
      @RequestParam(required = false) @Nullable String confirm,
      @RequestParam(required = false) @Nullable String back,
      @AuthenticationPrincipal Caller caller,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String returnTo = Destinations.safe(back);
    model.addAttribute("back", returnTo);
    Flag current;
    try {
      current = flags.get(name);
    } catch (ErrorResponseException e) {
      return failed(e, name, request, response, model);
    }
    if (confirm == null || !confirm.trim().equals(name)) {
      model.addAttribute("row", FlagRow.of(current));
      model.addAttribute("enabled", enabled);
      model.addAttribute("version", version == null ? Flags.etag(current) : version);
      if (confirm != null) {
        response.setStatus(400);
        model.addAttribute("error", "Type the flag's name exactly to confirm.");
      }
      return Htmx.requested(request) ? "console/switch :: confirm" : "console/switch";
    }
    try {
      Flag switched = flags.toggle(name, enabled, version, caller.actor());
      if (Htmx.requested(request)) {
        model.addAttribute("rows", List.of(FlagRow.of(switched)));
        return "console/flags :: row";
      }
      return "redirect:" + returnTo;
    } catch (ErrorResponseException e) {
      return failed(e, name, request, response, model);
    }
  }

  private String failed(
      ErrorResponseException e,
      String name,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Failure failure = Failure.of(e);
    response.setStatus(failure.status());
    model.addAttribute("failure", failure);
    model.addAttribute("name", name);
    if (failure.status() == 412) {
      // someone changed the flag since the page was rendered: show what it is now, ask again
      try {
        Flag now = flags.get(name);
        model.addAttribute("row", FlagRow.of(now));
      } catch (ErrorResponseException gone) {
        model.addAttribute("row", null);
      }
    }
    return Htmx.requested(request) ? "console/switch :: failed" : "console/switch";
  }
}
