package dev.flagstream.benchmarks.coldstart;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;

/**
 * What a cold-start run does, from {@code --name value} arguments.
 *
 * @param flags flags on the topic before the parts start
 * @param starts how often an evaluator is started on the empty topic and on the full one, the
 *     median reported: one start on a shared machine varies by seconds
 * @param out where the report, the raw figures and the chart go
 */
record ColdStartOptions(int flags, int starts, Path out) {
  static final ColdStartOptions DEFAULTS =
      new ColdStartOptions(100_000, 3, Path.of("target", "coldstart"));

  static ColdStartOptions parse(String... args) {
    Arguments given = Arguments.parse(List.of("--flags", "--starts"), List.of(), args);
    return new ColdStartOptions(
        Math.max(1, given.number("--flags", DEFAULTS.flags())),
        Math.max(1, given.number("--starts", DEFAULTS.starts())),
        given.out(DEFAULTS.out()));
  }
}
