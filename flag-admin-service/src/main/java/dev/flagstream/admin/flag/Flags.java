package dev.flagstream.admin.flag;

import dev.flagstream.admin.audit.Actor;
import dev.flagstream.admin.audit.AuditAction;
import dev.flagstream.contracts.flag.Flag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flags for the other features of the service, such as the console: the same service, the same
 * input rules and the same audit entries as the admin API, so that a change made on a page is
 * checked, versioned and recorded exactly as one made through the API. Whether the caller's role
 * allows it is decided before, by the same rules as for the API.
 *
 * <p>Every method throws the API's problems ({@link
 * org.springframework.web.ErrorResponseException}): 400 with the violations by field, 404 for a
 * flag that does not exist, 409 for a name taken, 412 when {@code ifMatch} names a version the flag
 * is no longer at. A failed call changes nothing.
 */
@Component
public final class Flags {
  private final FlagService flags;
  private final FlagRepository repository;
  private final JsonMapper json;

  Flags(FlagService flags, FlagRepository repository, JsonMapper json) {
    this.flags = flags;
    this.repository = repository;
    this.json = json;
  }

  /** Up to {@code limit} flags that {@code filter} matches, after {@code afterName}, by name. */
  public List<Flag> page(FlagFilter filter, @Nullable String afterName, int limit) {
    return repository.page(filter, afterName, limit);
  }

  /** How many flags {@code filter} matches. */
  public long count(FlagFilter filter) {
    return repository.count(filter);
  }

  /** Every flag, read in one consistent transaction. */
  public List<Flag> all() {
    return flags.all();
  }

  public Flag get(String name) {
    return flags.get(name);
  }

  /** Creates the flag a body of {@code POST /api/admin/flags} describes. */
  public Flag create(JsonNode body, Actor actor) {
    return flags.create(FlagInput.forCreate(body, json), actor);
  }

  /** Applies a body of {@code PATCH /api/admin/flags/{name}}. */
  public Flag patch(String name, JsonNode body, @Nullable String ifMatch, Actor actor) {
    return flags.change(
        name,
        ifMatch,
        actor,
        AuditAction.FLAG_UPDATED,
        current -> FlagInput.forPatch(current, body, json));
  }

  /** Switches the flag on or off. */
  public Flag toggle(String name, boolean enabled, @Nullable String ifMatch, Actor actor) {
    return flags.change(
        name,
        ifMatch,
        actor,
        AuditAction.FLAG_TOGGLED,
        current -> current.toBuilder().enabled(enabled).build());
  }

  /** Applies a body of {@code PUT /api/admin/flags/{name}/rollout}. */
  public Flag rollout(String name, JsonNode body, @Nullable String ifMatch, Actor actor) {
    int rollout = FlagInput.forRollout(body);
    return flags.change(
        name,
        ifMatch,
        actor,
        AuditAction.FLAG_ROLLOUT_CHANGED,
        current -> current.toBuilder().rolloutPercentage(rollout).build());
  }

  public void delete(String name, @Nullable String ifMatch, Actor actor) {
    flags.delete(name, ifMatch, actor);
  }

  /** Restores the state audit entry {@code auditId} recorded. */
  public Flag revert(String name, long auditId, @Nullable String ifMatch, Actor actor) {
    return flags.revert(name, auditId, ifMatch, actor);
  }

  /** The flag's entity tag, which {@code ifMatch} names. */
  public static String etag(Flag flag) {
    return IfMatch.etag(flag);
  }
}
