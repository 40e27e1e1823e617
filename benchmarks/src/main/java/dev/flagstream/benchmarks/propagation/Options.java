package dev.flagstream.benchmarks.propagation;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

  private static final List<String> NUMBERS =
      List.of(
          "--changes",
          "--load-seconds",
          "--writes-per-second",
          "--evaluations-per-second",
          "--flags");

  static Options parse(String... args) {
    Arguments given = Arguments.parse(NUMBERS, List.of("--admin", "--evaluator"), args);
    return new Options(
        given.number("--changes", DEFAULTS.changes()),
        given.number("--load-seconds", DEFAULTS.loadSeconds()),
        given.number("--writes-per-second", DEFAULTS.writesPerSecond()),
        given.number("--evaluations-per-second", DEFAULTS.evaluationsPerSecond()),
        Math.max(2, given.number("--flags", DEFAULTS.flags())),
        given.out(DEFAULTS.out()),
        given.settings("--admin"),
        given.settings("--evaluator"));
  }
}
