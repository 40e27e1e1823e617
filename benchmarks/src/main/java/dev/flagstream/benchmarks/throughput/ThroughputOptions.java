package dev.flagstream.benchmarks.throughput;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a throughput run does, from {@code --name value} arguments.
 *
 * @param flags flags the evaluator holds; every-flag requests answer all of them
 * @param seconds how long each scenario is measured
 * @param warmupSeconds how long each scenario runs first, unmeasured, for the JIT
 * @param connections connections the generator keeps busy
 * @param evaluatorCores cores the evaluator is confined to (Linux {@code taskset}), the generator
 *     and the rest of the platform kept on the others; 0 confines nothing
 * @param out where the report, the raw figures and the chart go
 * @param evaluatorSettings Spring properties given to the evaluator ({@code --evaluator
 *     name=value}, repeatable)
 */
record ThroughputOptions(
    int flags,
    int seconds,
    int warmupSeconds,
    int connections,
    int evaluatorCores,
    Path out,
    Map<String, String> evaluatorSettings) {
  static final ThroughputOptions DEFAULTS =
      new ThroughputOptions(350, 30, 60, 16, 1, Path.of("target", "throughput"), Map.of());

  private static final Set<String> NUMBERS =
      Set.of("--flags", "--seconds", "--warmup-seconds", "--connections", "--evaluator-cores");

  static ThroughputOptions parse(String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
    }
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, String> evaluator = new LinkedHashMap<>();
    Path out = DEFAULTS.out();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      String value = args[i + 1];
      if (NUMBERS.contains(name)) {
        numbers.put(name, Integer.parseInt(value));
      } else if (name.equals("--out")) {
        out = Path.of(value);
      } else if (name.equals("--evaluator")) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("--evaluator takes name=value, not " + value);
        }
        evaluator.put(value.substring(0, equals), value.substring(equals + 1));
      } else {
        throw new IllegalArgumentException(
            "Unknown option "
                + name
                + "; known: "
                + String.join(", ", NUMBERS)
                + ", --out, --evaluator");
      }
    }
    return new ThroughputOptions(
        Math.max(1, numbers.getOrDefault("--flags", DEFAULTS.flags())),
        Math.max(1, numbers.getOrDefault("--seconds", DEFAULTS.seconds())),
        Math.max(0, numbers.getOrDefault("--warmup-seconds", DEFAULTS.warmupSeconds())),
        Math.max(1, numbers.getOrDefault("--connections", DEFAULTS.connections())),
        Math.max(0, numbers.getOrDefault("--evaluator-cores", DEFAULTS.evaluatorCores())),
        out,
        Map.copyOf(evaluator));
  }
}
