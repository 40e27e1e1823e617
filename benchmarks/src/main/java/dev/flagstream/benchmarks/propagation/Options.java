package dev.flagstream.benchmarks.propagation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a propagation run does, from {@code --name value} arguments.
 *
 * @param changes changes made one at a time, each awaited by every consumer before the next
 * @param loadSeconds how long the loaded phase lasts; 0 skips it
 * @param writesPerSecond admin writes a second in the loaded phase
 * @param evaluationsPerSecond evaluator requests a second in the loaded phase
 * @param flags flags written in the loaded phase, the probe among them
 * @param out where the report, the raw figures and the charts go
 * @param adminSettings Spring properties given to the admin service ({@code --admin name=value},
 *     repeatable), to measure a setting's effect
 * @param evaluatorSettings the same for the evaluator ({@code --evaluator name=value})
 */
record Options(
    int changes,
    int loadSeconds,
    int writesPerSecond,
    int evaluationsPerSecond,
    int flags,
    Path out,
    Map<String, String> adminSettings,
    Map<String, String> evaluatorSettings) {
  static final Options DEFAULTS =
      new Options(1000, 60, 100, 5000, 20, Path.of("target", "propagation"), Map.of(), Map.of());

  private static final Set<String> NUMBERS =
      Set.of(
          "--changes",
          "--load-seconds",
          "--writes-per-second",
          "--evaluations-per-second",
          "--flags");

  static Options parse(String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
    }
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, String> admin = new LinkedHashMap<>();
    Map<String, String> evaluator = new LinkedHashMap<>();
    Path out = DEFAULTS.out();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      String value = args[i + 1];
      if (NUMBERS.contains(name)) {
        numbers.put(name, Integer.parseInt(value));
      } else if (name.equals("--out")) {
        out = Path.of(value);
      } else if (name.equals("--admin")) {
        setting(admin, name, value);
      } else if (name.equals("--evaluator")) {
        setting(evaluator, name, value);
      } else {
        throw new IllegalArgumentException(
            "Unknown option "
                + name
                + "; known: "
                + String.join(", ", NUMBERS)
                + ", --out, --admin, --evaluator");
      }
    }
    return new Options(
        numbers.getOrDefault("--changes", DEFAULTS.changes()),
        numbers.getOrDefault("--load-seconds", DEFAULTS.loadSeconds()),
        numbers.getOrDefault("--writes-per-second", DEFAULTS.writesPerSecond()),
        numbers.getOrDefault("--evaluations-per-second", DEFAULTS.evaluationsPerSecond()),
        Math.max(2, numbers.getOrDefault("--flags", DEFAULTS.flags())),
        out,
        Map.copyOf(admin),
        Map.copyOf(evaluator));
  }

  private static void setting(Map<String, String> settings, String option, String value) {
    int equals = value.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException(option + " takes name=value, not " + value);
    }
    settings.put(value.substring(0, equals), value.substring(equals + 1));
  }
}
