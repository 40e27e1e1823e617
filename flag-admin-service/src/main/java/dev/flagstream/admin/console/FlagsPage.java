package dev.flagstream.admin.console;

import dev.flagstream.admin.account.Caller;
import dev.flagstream.admin.flag.FlagFilter;
import dev.flagstream.admin.flag.Flags;
import dev.flagstream.contracts.flag.Flag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flags dashboard: every flag with its state, rollout and last change, searched, filtered and
 * paged by name (fifty a page, so ten thousand flags cost no more than fifty); creating a flag.
 */
@Controller
final class FlagsPage {
  static final int PAGE_SIZE = 50;

  /** What "changed recently" means. */
  static final Duration RECENTLY = Duration.ofHours(24);

  private final Flags flags;
  private final JsonMapper json;
  private final Clock clock;

  FlagsPage(Flags flags, JsonMapper json, Clock clock) {
    this.flags = flags;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The filters of the dashboard, as its form sends them.
   *
   * @param state {@code on}, {@code off}, or anything else for both
   */
  record Query(
      @Nullable String q,
      @Nullable String state,
      boolean partial,
      boolean recent,
      @Nullable String after) {
    FlagFilter filter(Clock clock) {
      Boolean enabled =
          "on".equals(state) ? Boolean.TRUE : "off".equals(state) ? Boolean.FALSE : null;
      String search = q == null || q.isBlank() ? null : q.trim();
      return new FlagFilter(
          search, enabled, partial, recent ? clock.instant().minus(RECENTLY) : null);
    }

    public boolean filtered() {
      return filter(Clock.systemUTC()).search() != null
          || "on".equals(state)
          || "off".equals(state)
          || partial
          || recent;
    }
  }

  @GetMapping("/flags")
  String dashboard(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(defaultValue = "false") boolean recent,
      @RequestParam(required = false) @Nullable String after,
      HttpServletRequest request,
      Model model) {
    Query query = new Query(q, state, partial, recent, after);
    fill(model, query, Destinations.of(request));
    return Htmx.requested(request) ? "console/flags :: results" : "console/flags";
  }

  @PostMapping("/flags")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @AuthenticationPrincipal Caller caller,
      HttpServletResponse response,
      Model model) {
    ObjectNode body = json.createObjectNode();
    body.put("name", name.trim());
    if (!description.isBlank()) {
      body.put("description", description.trim());
    }
    try {
      Flag created = flags.create(body, caller.actor());
      return "redirect:/flags/" + Destinations.encode(created.name()) + "?created";
    } catch (ErrorResponseException e) {
      Failure failure = Failure.of(e);
      response.setStatus(failure.status());
      model.addAttribute("createFailure", failure);
      model.addAttribute("newName", name);
      model.addAttribute("newDescription", description);
      fill(model, new Query(null, null, false, false, null), "/flags");
      return "console/flags";
    }
  }

  private void fill(Model model, Query query, String back) {
    model.addAttribute("back", back);
    FlagFilter filter = query.filter(clock);
    String given = query.after();
    String after = given == null || given.isBlank() ? null : given;
    List<Flag> fetched = flags.page(filter, after, PAGE_SIZE + 1);
    List<FlagRow> rows = fetched.stream().limit(PAGE_SIZE).map(FlagRow::of).toList();
    model.addAttribute("query", query);
    model.addAttribute("rows", rows);
    model.addAttribute("total", flags.count(filter));
    model.addAttribute(
        "nextAfter", fetched.size() > PAGE_SIZE ? rows.get(rows.size() - 1).name() : null);
    model.addAttribute("firstPage", after == null);
  }
}
