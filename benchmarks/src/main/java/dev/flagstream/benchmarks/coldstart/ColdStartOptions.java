package dev.flagstream.benchmarks.coldstart;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;

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
    Arguments given = Arguments.parse(List.of("--flags"), List.of(), args);
    return new ColdStartOptions(
        Math.max(1, given.number("--flags", DEFAULTS.flags())), given.out(DEFAULTS.out()));
  }
}
