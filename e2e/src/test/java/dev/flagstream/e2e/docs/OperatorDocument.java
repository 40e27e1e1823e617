package dev.flagstream.e2e.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names an operator document gives, where an operator would copy them from: inline code and
 * code blocks. SQL blocks are left out (they name roles and tables, not Flagstream's names).
 *
 * <ul>
 *   <li>endpoints: inline code that is a path ({@code /health/ready}) or a method and a path
 *       ({@code POST /api/admin/flags/<name>/revert}); in code blocks, the path of every URL
 *       ({@code "$ADMIN/api/admin/audit?flag=x"}), with curl's method;
 *   <li>settings: every {@code flags.…} name;
 *   <li>metrics: inline code that is a Micrometer name ({@code flagstream.cdc.failures}, tags
 *       allowed), and every Prometheus name ({@code flagstream_cdc_slot_lag_bytes}).
 * </ul>
 */
record OperatorDocument(
    String name,
    List<Reference> endpoints,
    List<Reference> settings,
    List<Reference> meters,
    List<Reference> prometheusNames) {

  /** A name, the HTTP method it is requested with (endpoints; null when any) and its line. */
  record Reference(@Nullable String method, String name, int line) {}

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern INLINE = Pattern.compile("`([^`]+)`");
  private static final Pattern METHOD_AND_PATH =
      Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD) (/\\S*)$");
  private static final Pattern URL =
      Pattern.compile("(?:\\$[A-Z_]+|https?://[^/\\s\"']+)(/[^\\s\"'?]*)");
  private static final Pattern CURL_METHOD = Pattern.compile("-X\\s*([A-Z]+)");
  private static final Pattern SETTING =
      Pattern.compile(
          "\\bflags(?:(?:\\.[a-z0-9][a-z0-9\\-]*)+(?:\\[[^\\]]*\\])?(?:\\.\\*)?|\\.\\*)");
  private static final Pattern METER =
      Pattern.compile("^(flagstream\\.[a-z0-9.]+[a-z0-9])(\\{.*\\})?$");
  private static final Pattern PROMETHEUS = Pattern.compile("\\bflagstream_[a-z0-9_]*[a-z0-9]");

  static OperatorDocument parse(String name, String markdown) {
    List<Reference> endpoints = new ArrayList<>();
    List<Reference> settings = new ArrayList<>();
    List<Reference> meters = new ArrayList<>();
    List<Reference> prometheus = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String block = null; // the language of the code block we are in, "" when none is given
    StringBuilder command = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.strip().startsWith("```")) {
        block = block == null ? line.strip().substring(3).strip() : null;
        continue;
      }
      if (block != null) {
        if (block.equals("sql")) {
          continue;
        }
        all(SETTING, line, number, settings);
        all(PROMETHEUS, line, number, prometheus);
        command.append(line.strip());
        if (line.strip().endsWith("\\")) {
          continue; // a command continued on the next line
        }
        urls(command.toString(), number, endpoints);
        command.setLength(0);
        continue;
      }
      Matcher inline = INLINE.matcher(line);
      while (inline.find()) {
        String code = inline.group(1).strip();
        endpoint(code, number, endpoints);
        all(SETTING, code, number, settings);
        Matcher meter = METER.matcher(code);
        if (meter.matches()) {
          meters.add(new Reference(null, meter.group(1), number));
        }
        all(PROMETHEUS, code, number, prometheus);
      }
    }
    return new OperatorDocument(name, endpoints, settings, meters, prometheus);
  }

  private static void endpoint(String code, int line, List<Reference> endpoints) {
    Matcher withMethod = METHOD_AND_PATH.matcher(code);
    if (withMethod.matches()) {
      String method = withMethod.group(1).equals("HEAD") ? "GET" : withMethod.group(1);
      endpoints.add(new Reference(method, path(withMethod.group(2)), line));
    } else if (code.startsWith("/") && !code.contains(" ")) {
      endpoints.add(new Reference(null, path(code), line));
    }
  }

  private static void urls(String command, int line, List<Reference> endpoints) {
    Matcher url = URL.matcher(command);
    String method = null;
    if (command.startsWith("curl")) {
      Matcher explicit = CURL_METHOD.matcher(command);
      method =
          explicit.find() && METHODS.contains(explicit.group(1))
              ? explicit.group(1)
              : command.contains(" -d ") ? "POST" : "GET";
    }
    while (url.find()) {
      endpoints.add(new Reference(method, path(url.group(1)), line));
    }
  }

  private static String path(String raw) {
    int query = raw.indexOf('?');
    return query < 0 ? raw : raw.substring(0, query);
  }

  private static void all(Pattern pattern, String text, int line, List<Reference> into) {
    Matcher found = pattern.matcher(text);
    while (found.find()) {
      into.add(new Reference(null, found.group(), line));
    }
  }
}
