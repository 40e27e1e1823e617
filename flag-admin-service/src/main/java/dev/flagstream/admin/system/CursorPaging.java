package dev.flagstream.admin.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Cursor pagination that keeps bodies plain JSON arrays: the next page's address goes in a {@code
 * Link} header with {@code rel="next"} (RFC 8288), its cursor opaque to clients.
 */
public final class CursorPaging {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private CursorPaging() {}

  /** The page size asked for, or the default; 400 outside 1–{@value #MAX_LIMIT}. */
  public static int limit(@Nullable Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw Problems.invalid("limit", "must be between 1 and " + MAX_LIMIT + ", is " + requested);
    }
    return requested;
  }

  /** The position a cursor encodes; 400 for a cursor this service did not hand out. */
  public static @Nullable String position(@Nullable String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problems.invalid("cursor", "is not a cursor from a Link header of this API");
    }
  }

  /**
   * The response for one page fetched with {@code limit + 1} rows: at most {@code limit} items, and
   * a next link when the extra row showed there is more.
   */
  public static <T> ResponseEntity<List<T>> respond(
      List<T> fetched, int limit, Function<T, String> positionOf) {
    if (fetched.size() <= limit) {
      return ResponseEntity.ok(fetched);
    }
    List<T> page = fetched.subList(0, limit);
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(positionOf.apply(page.get(limit - 1)).getBytes(StandardCharsets.UTF_8));
    String next =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .replaceQueryParam("cursor", cursor)
            .replaceQueryParam("limit", limit)
            .build()
            .toUriString();
    return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page);
  }
}
