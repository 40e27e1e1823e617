package dev.flagstream.benchmarks.propagation;

import java.nio.file.Path;

/**
 * What a propagation run does, from {@code --name value} arguments.
 *
 * @param changes changes made one at a time, each awaited by every consumer before the next
 * @param loadSeconds how long the loaded phase lasts; 0 skips it
 * @param writesPerSecond admin writes a second in the loaded phase
 * @param evaluationsPerSecond evaluator requests a second in the loaded phase
 * @param flags flags written in the loaded phase, the probe among them
 * @param out where the report, the raw figures and the charts go
 */
record Options(
    int changes,
    int loadSeconds,
    int writesPerSecond,
    int evaluationsPerSecond,
    int flags,
    Path out) {
  static final Options DEFAULTS =
      new Options(1000, 60, 100, 5000, 20, Path.of("target", "propagation"));

  static Options parse(String... args) {
    Options options = DEFAULTS;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      options =
          switch (args[i]) {
            case "--changes" -> options.with(Integer.parseInt(value), -1, -1, -1, -1, null);
            case "--load-seconds" -> options.with(-1, Integer.parseInt(value), -1, -1, -1, null);
            case "--writes-per-second" ->
                options.with(-1, -1, Integer.parseInt(value), -1, -1, null);
            case "--evaluations-per-second" ->
                options.with(-1, -1, -1, Integer.parseInt(value), -1, null);
            case "--flags" -> options.with(-1, -1, -1, -1, Integer.parseInt(value), null);
            case "--out" -> options.with(-1, -1, -1, -1, -1, Path.of(value));
            default ->
                throw new IllegalArgumentException(
                    "Unknown option "
                        + args[i]
                        + "; known: --changes, --load-seconds, --writes-per-second,"
                        + " --evaluations-per-second, --flags, --out");
          };
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("Option " + args[args.length - 1] + " has no value");
    }
    return options;
  }

  private Options with(int c, int s, int w, int e, int f, Path o) {
    return new Options(
        c >= 0 ? c : changes,
        s >= 0 ? s : loadSeconds,
        w >= 0 ? w : writesPerSecond,
        e >= 0 ? e : evaluationsPerSecond,
        f >= 0 ? Math.max(2, f) : flags,
        o != null ? o : out);
  }
}
