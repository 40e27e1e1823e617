package dev.flagstream.admin.console;

import dev.flagstream.admin.flag.FlagTransfer;
import dev.flagstream.contracts.flag.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploy-time switches, as an environment file holds them ({@code ENABLE_REGISTRATION=true}, one a
 * line, {@code #} comments), turned into an import document: each becomes a flag named in lower
 * case ({@code enable_registration}), on or off as the variable was, so that a team can move its
 * switches to runtime flags in one import.
 */
final class EnvironmentSwitches {
  private static final Map<String, Boolean> VALUES =
      Map.of(
          "true", true, "false", false, "1", true, "0", false, "yes", true, "no", false, "on", true,
          "off", false);

  private EnvironmentSwitches() {}

  /** Whether {@code text} looks like switches rather than a JSON document. */
  static boolean looksLikeSwitches(String text) {
    String trimmed = text.strip();
    return !trimmed.isEmpty() && !trimmed.startsWith("{") && !trimmed.startsWith("[");
  }

  /**
   * The import document of the switches in {@code text}.
   *
   * @param problems where each line that is no switch is reported, as {@code line N}
   */
  static ObjectNode document(String text, JsonMapper json, List<Violation> problems) {
    ObjectNode document = json.createObjectNode();
    document.put("format", FlagTransfer.FORMAT);
    ArrayNode flags = document.putArray("flags");
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      String value =
          equals < 0 ? "" : unquote(line.substring(equals + 1).strip()).toLowerCase(Locale.ROOT);
      Boolean enabled = VALUES.get(value);
      if (equals <= 0 || enabled == null) {
        problems.add(
            new Violation(
                "line " + (i + 1), "is not NAME=true or NAME=false (also 1/0, yes/no, on/off)"));
        continue;
      }
      String variable = line.substring(0, equals).strip();
      ObjectNode flag = flags.addObject();
      flag.put("name", variable.toLowerCase(Locale.ROOT));
      flag.put("description", "Was the environment variable " + variable);
      flag.put("enabled", enabled);
    }
    return document;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
