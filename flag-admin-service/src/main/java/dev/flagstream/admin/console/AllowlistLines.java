package dev.flagstream.admin.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowlist as people paste it: one user id per line (commas and blank lines are fine), and the
 * API's violations of its entries, {@code userAllowlist[i]}, told by the line they came from.
 */
final class AllowlistLines {
  private static final Pattern ENTRY = Pattern.compile("userAllowlist\\[(\\d+)]");

  /** One id and the line it was on, counted from 1. */
  record Line(int number, String id) {}

  private final List<Line> lines;

  private AllowlistLines(List<Line> lines) {
    this.lines = lines;
  }

  static AllowlistLines parse(String text) {
    List<Line> lines = new ArrayList<>();
    String[] rows = text.split("\\R", -1);
    for (int row = 0; row < rows.length; row++) {
      for (String part : rows[row].split(",")) {
        String id = part.trim();
        if (!id.isEmpty()) {
          lines.add(new Line(row + 1, id));
        }
      }
    }
    return new AllowlistLines(lines);
  }

  /** The ids in order, as the API's {@code userAllowlist} takes them. */
  List<String> ids() {
    return lines.stream().map(Line::id).toList();
  }

  /**
   * A message for each refused entry, in line order: "Line 3: 'abc' is not a valid UUID", from the
   * API's violations by field.
   */
  List<String> errors(Map<String, String> violations) {
    List<String> errors = new ArrayList<>();
    violations.forEach(
        (field, reason) -> {
          Matcher entry = ENTRY.matcher(field);
          if (entry.matches()) {
            int index = Integer.parseInt(entry.group(1));
            if (index < lines.size()) {
              Line line = lines.get(index);
              errors.add("Line " + line.number() + ": '" + line.id() + "' " + reason);
            }
          } else if (field.startsWith("userAllowlist")) {
            errors.add("The allowlist " + reason);
          }
        });
    return errors;
  }
}
