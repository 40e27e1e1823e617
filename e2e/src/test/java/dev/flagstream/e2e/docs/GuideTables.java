package dev.flagstream.e2e.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The tables of docs/operations.md that are generated rather than written: each service's {@code
 * flags.*} settings, from its configuration metadata, and the meters the services' code registers.
 * Each sits between {@code <!-- generated:<id> -->} and {@code <!-- end:<id> -->}.
 */
final class GuideTables {
  private GuideTables() {}

  /**
   * The settings table of one service. A setting's default is what the service ships with: its
   * {@code application.yml} where that sets it, else the default of its settings class.
   */
  static String settings(ServiceJar service) {
    Map<String, String> shipped = flatten(service.applicationYml());
    StringBuilder table =
        new StringBuilder("| property | type | default | what |\n|---|---|---|---|\n");
    for (ConfigurationMetadata.Property property : service.metadata().under("flags.")) {
      String value = shipped.getOrDefault(property.name(), property.defaultValue());
      table
          .append("| `")
          .append(property.name())
          .append(property.isMap() ? ".*" : "")
          .append("` | ")
          .append("`")
          .append(simpleType(property.type()))
          .append("`")
          .append(" | ")
          .append(value.isEmpty() ? "" : "`" + value + "`")
          .append(" | ")
          .append(cell(property.description()))
          .append(" |\n");
    }
    return table.toString();
  }

  /** The meters of all services, by Prometheus name. */
  static String meters(List<ServiceJar> services) {
    Map<String, String> rows = new TreeMap<>();
    for (ServiceJar service : services) {
      for (RegisteredMeters.Meter meter : RegisteredMeters.of(service).values()) {
        rows.merge(
            meter.prometheusName(),
            "| `"
                + meter.prometheusName()
                + "` | "
                + service.name()
                + " | "
                + meter.kind().toLowerCase(java.util.Locale.ROOT)
                + " | "
                + cell(meter.description())
                + " |\n",
            (mine, theirs) -> mine.replace(" | admin | ", " | admin, evaluator | "));
      }
    }
    return "| Prometheus name | service | kind | what |\n|---|---|---|---|\n"
        + String.join("", rows.values());
  }

  /** {@code java.util.List<java.lang.String>} is {@code List<String>}. */
  static String simpleType(String type) {
    return type.replaceAll("[a-z][a-z0-9_]*\\.", "").replace('$', '.');
  }

  /** Javadoc's {@code {@code x}} and {@code {@link X#y}} as plain words; one line. */
  static String cell(String text) {
    String plain =
        text.replaceAll("\\{@(?:code|literal) ((?:[^{}]|\\{[^{}]*\\})*)\\}", "$1")
            .replaceAll("\\{@(?:link|linkplain|value) (?:[\\w.]*#)?([^{}\\s]*)[^{}]*\\}", "$1");
    return plain.replaceAll("\\s+", " ").replace("|", "\\|").strip();
  }

  /**
   * The settings {@code application.yml} gives, by dotted name; a placeholder {@code ${NAME:value}}
   * counts as its value, a list as its items joined by commas.
   */
  static Map<String, String> flatten(String yml) {
    Map<String, String> flat = new TreeMap<>();
    Object root = new Yaml().load(yml);
    if (root instanceof Map<?, ?> map) {
      flatten("", map, flat);
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> child && !child.isEmpty()) {
        flatten(name + ".", child, flat);
      } else if (value instanceof List<?> list) {
        flat.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
      } else if (value != null && !(value instanceof Map<?, ?>)) {
        String text = String.valueOf(value);
        flat.put(name, text.startsWith("${") ? placeholderDefault(text) : text);
      }
    }
  }

  private static String placeholderDefault(String placeholder) {
    int colon = placeholder.indexOf(':');
    return colon < 0 ? "" : placeholder.substring(colon + 1, placeholder.length() - 1);
  }

  /** {@code document} with each generated table replaced by {@code tables} (id to table). */
  static String regenerate(String document, Map<String, String> tables) {
    String result = document;
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> table : tables.entrySet()) {
      String start = "<!-- generated:" + table.getKey() + " -->\n";
      String end = "<!-- end:" + table.getKey() + " -->";
      int from = result.indexOf(start);
      int to = result.indexOf(end);
      if (from < 0 || to < from) {
        missing.add(table.getKey());
        continue;
      }
      result = result.substring(0, from + start.length()) + table.getValue() + result.substring(to);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no generated section for " + missing);
    }
    return result;
  }
}
