package dev.flagstream.contracts.change;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names one committed change of one flag, so that a reader can ask a consumer for data that
 * includes it: read your own writes. The admin service answers every flag write with the token of
 * its change; evaluators and SDKs wait, for a bounded time, until they have applied that change or
 * a later one of the same flag.
 *
 * <p>Written as {@code <name>@<version>} for a create or update (the flag's version after it), and
 * {@code <name>@<version>:deleted} for a delete (the version of the state it deleted). Several
 * tokens are joined by commas. Callers should treat tokens as opaque text.
 *
 * @param name the flag's name
 * @param version the version the change wrote, or deleted
 * @param deleted whether the change deleted the flag
 */
public record RevisionToken(String name, long version, boolean deleted) {
  private static final String DELETED = ":deleted";
  private static final Pattern FORM =
      Pattern.compile("([a-z0-9][a-z0-9._-]{0,127})@([0-9]{1,18})(" + DELETED + ")?");

  public RevisionToken {
    requireNonNull(name, "name");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative, got " + version);
    }
  }

  /** The token of an upsert that left flag {@code name} at {@code version}. */
  public static RevisionToken written(String name, long version) {
    return new RevisionToken(name, version, false);
  }

  /** The token of the delete of flag {@code name}, last at {@code version}. */
  public static RevisionToken deletedAt(String name, long version) {
    return new RevisionToken(name, version, true);
  }

  /**
   * Reads one token or several joined by commas (blanks around them are ignored).
   *
   * @throws IllegalArgumentException when {@code text} is empty or any part is not a token
   */
  public static List<RevisionToken> parseAll(String text) {
    List<RevisionToken> tokens = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher matcher = FORM.matcher(part.strip());
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "not a revision token: '" + part.strip() + "' (expected <flag>@<version>)");
      }
      tokens.add(
          new RevisionToken(
              matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3) != null));
    }
    return List.copyOf(tokens);
  }

  /**
   * Whether a consumer that holds {@code held} for this token's flag has applied this change, or a
   * later change of the flag: what it holds would not be replaced by this change under {@link
   * ChangeOrder}. A consumer that holds no flag of that name (nothing, or the marker of a removal
   * by snapshot) has nothing to unlearn of a deleted flag, so it has applied the delete as far as
   * any reader can tell, and has not applied an upsert.
   *
   * @param held what the consumer holds for the flag, null when it holds nothing
   */
  public boolean isReachedBy(@Nullable HeldState held) {
    if (held == null || held.kind() == HeldState.Kind.ABSENT) {
      return deleted;
    }
    return !ChangeOrder.supersedes(held, version, deleted ? ChangeOp.DELETE : ChangeOp.UPSERT);
  }

  /** The token's text, as {@link #parseAll} reads it. */
  @Override
  public String toString() {
    return name + "@" + version + (deleted ? DELETED : "");
  }
}
