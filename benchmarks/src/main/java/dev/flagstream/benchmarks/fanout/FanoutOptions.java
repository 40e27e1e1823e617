package dev.flagstream.benchmarks.fanout;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a fan-out run does, from {@code --name value} arguments.
 *
 * @param streams browser streams opened on the evaluator, each for a user of its own; fewer when
 *     the evaluator may not open that many files (the report says so)
 * @param changes changes made one after the other, each awaited on every stream before the next
 * @param warmupChanges changes made first the same way, not measured: the evaluator compiles its
 *     fan-out on the first ones, as one running for a while has
 * @param flags flags the evaluator holds, the changed one among them: each stream's first event
 *     holds every flag's value
 * @param out where the report, the raw figures and the chart go
 * @param evaluatorSettings Spring properties given to the evaluator ({@code --evaluator
 *     name=value}, repeatable), after the ones the run needs
 */
record FanoutOptions(
    int streams,
    int changes,
    int warmupChanges,
    int flags,
    Path out,
    Map<String, String> evaluatorSettings) {
  static final FanoutOptions DEFAULTS =
      new FanoutOptions(20_000, 5, 3, 20, Path.of("target", "fanout"), Map.of());

  static FanoutOptions parse(String... args) {
    Arguments given =
        Arguments.parse(
            List.of("--streams", "--changes", "--warmup-changes", "--flags"),
            List.of("--evaluator"),
            args);
    return new FanoutOptions(
        Math.max(1, given.number("--streams", DEFAULTS.streams())),
        Math.max(1, given.number("--changes", DEFAULTS.changes())),
        Math.max(0, given.number("--warmup-changes", DEFAULTS.warmupChanges())),
        Math.max(1, given.number("--flags", DEFAULTS.flags())),
        given.out(DEFAULTS.out()),
        given.settings("--evaluator"));
  }
}
