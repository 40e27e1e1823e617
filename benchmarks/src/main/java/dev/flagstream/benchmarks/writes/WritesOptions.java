package dev.flagstream.benchmarks.writes;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a write-path run does, from {@code --name value} arguments.
 *
 * @param writesPerSecond admin writes a second asked for in the sustained phase
 * @param seconds how long the sustained phase is measured
 * @param warmupSeconds how long it runs first, unmeasured
 * @param flags flags the writes go round
 * @param connections the most writes in flight at once
 * @param changes changes committed in all before the sizes are read: the run writes as fast as it
 *     can after the sustained phase until there are this many; 0 reads them after that phase
 * @param out where the report and the raw figures go
 * @param adminSettings Spring properties given to the admin service ({@code --admin name=value},
 *     repeatable), to measure what a setting changes
 */
record WritesOptions(
    int writesPerSecond,
    int seconds,
    int warmupSeconds,
    int flags,
    int connections,
    int changes,
    Path out,
    Map<String, String> adminSettings) {
  static final WritesOptions DEFAULTS =
      new WritesOptions(500, 30, 10, 100, 64, 1_000_000, Path.of("target", "writes"), Map.of());

  static WritesOptions parse(String... args) {
    Arguments given =
        Arguments.parse(
            List.of(
                "--writes-per-second",
                "--seconds",
                "--warmup-seconds",
                "--flags",
                "--connections",
                "--changes"),
            List.of("--admin"),
            args);
    return new WritesOptions(
        Math.max(1, given.number("--writes-per-second", DEFAULTS.writesPerSecond())),
        Math.max(1, given.number("--seconds", DEFAULTS.seconds())),
        Math.max(0, given.number("--warmup-seconds", DEFAULTS.warmupSeconds())),
        Math.max(1, given.number("--flags", DEFAULTS.flags())),
        Math.max(1, given.number("--connections", DEFAULTS.connections())),
        Math.max(0, given.number("--changes", DEFAULTS.changes())),
        given.out(DEFAULTS.out()),
        given.settings("--admin"));
  }
}
