package dev.flagstream.e2e.docs;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One path a service answers: its pattern ({@code /api/admin/flags/{name}/revert}) and the methods
 * it takes (any when empty).
 */
record Endpoint(Set<String> methods, String pattern) {

  /**
   * Whether a document's {@code path}, requested with {@code method} (any when null), reaches this
   * endpoint. A document writes variables as {@code {name}}, {@code <name>} or {@code $NAME}; they
   * stand only for the pattern's variables, so a placeholder never hides a misspelled fixed part.
   */
  boolean answers(@Nullable String method, String path) {
    if (method != null && !methods.isEmpty() && !methods.contains(method)) {
      return false;
    }
    List<String> mine = segments(pattern);
    List<String> theirs = segments(path);
    if (mine.size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).startsWith("{")) {
        continue;
      }
      if (isPlaceholder(theirs.get(i)) || !mine.get(i).equals(theirs.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlaceholder(String segment) {
    return segment.startsWith("{") || segment.startsWith("<") || segment.startsWith("$");
  }

  private static List<String> segments(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return List.of(trimmed.split("/", -1));
  }
}
