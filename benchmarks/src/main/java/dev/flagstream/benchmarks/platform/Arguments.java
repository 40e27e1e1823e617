package dev.flagstream.benchmarks.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A harness's {@code --name value} arguments: whole numbers, the directory the report goes to
 * ({@code --out}), and repeatable {@code name=value} settings handed to a service (such as {@code
 * --evaluator server.tomcat.threads.max=50}). An unknown name, or one without a value, is refused
 * with the names the harness knows, so that a typo never runs an hour with a default.
 */
public final class Arguments {
  private final Map<String, Integer> numbers;
  private final Path out;
  private final Map<String, Map<String, String>> settings;

  private Arguments(
      Map<String, Integer> numbers, Path out, Map<String, Map<String, String>> settings) {
    this.numbers = numbers;
    this.out = out;
    this.settings = settings;
  }

  /**
   * Reads {@code args}.
   *
   * @param numberNames the options that take a whole number, such as {@code --flags}
   * @param settingNames the options that take {@code name=value}, such as {@code --evaluator}
   * @throws IllegalArgumentException naming the option that is unknown, has no value, or whose
   *     value is not what it takes
   */
  public static Arguments parse(
      List<String> numberNames, List<String> settingNames, String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
    }
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Map<String, String>> settings = new HashMap<>();
    Path out = null;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      String value = args[i + 1];
      if (numberNames.contains(name)) {
        numbers.put(name, number(name, value));
      } else if (settingNames.contains(name)) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(name + " takes name=value, not " + value);
        }
        settings
            .computeIfAbsent(name, any -> new LinkedHashMap<>())
            .put(value.substring(0, equals), value.substring(equals + 1));
      } else if (name.equals("--out")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException(
            "Unknown option "
                + name
                + "; known: "
                + String.join(", ", numberNames)
                + ", --out"
                + (settingNames.isEmpty() ? "" : ", " + String.join(", ", settingNames)));
      }
    }
    return new Arguments(numbers, out, settings);
  }

  /** The number given for {@code name}, or {@code otherwise}. */
  public int number(String name, int otherwise) {
    return numbers.getOrDefault(name, otherwise);
  }

  /** The directory given with {@code --out}, or {@code otherwise}. */
  public Path out(Path otherwise) {
    return out == null ? otherwise : out;
  }

  /** The settings given with {@code name}, each once (the last given wins); empty when none. */
  public Map<String, String> settings(String name) {
    return Map.copyOf(settings.getOrDefault(name, Map.of()));
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, not " + value, e);
    }
  }
}
