package dev.flagstream.benchmarks.coldstart;

import java.nio.file.Path;

/**
 * What a cold-start run does, from {@code --name value} arguments.
 *
 * @param flags flags on the topic before the parts start
 * @param out where the report, the raw figures and the chart go
 */
record ColdStartOptions(int flags, Path out) {
  static final ColdStartOptions DEFAULTS =
      new ColdStartOptions(100_000, Path.of("target", "coldstart"));

  static ColdStartOptions parse(String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
    }
    int flags = DEFAULTS.flags();
    Path out = DEFAULTS.out();
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--flags" -> flags = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--out" -> out = Path.of(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "Unknown option " + args[i] + "; known: --flags, --out");
      }
    }
    return new ColdStartOptions(flags, out);
  }
}
