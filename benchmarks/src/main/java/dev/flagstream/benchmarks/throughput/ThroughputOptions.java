package dev.flagstream.benchmarks.throughput;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

  private static final List<String> NUMBERS =
      List.of("--flags", "--seconds", "--warmup-seconds", "--connections", "--evaluator-cores");

  static ThroughputOptions parse(String... args) {
    Arguments given = Arguments.parse(NUMBERS, List.of("--evaluator"), args);
    return new ThroughputOptions(
        Math.max(1, given.number("--flags", DEFAULTS.flags())),
        Math.max(1, given.number("--seconds", DEFAULTS.seconds())),
        Math.max(0, given.number("--warmup-seconds", DEFAULTS.warmupSeconds())),
        Math.max(1, given.number("--connections", DEFAULTS.connections())),
        Math.max(0, given.number("--evaluator-cores", DEFAULTS.evaluatorCores())),
        given.out(DEFAULTS.out()),
        given.settings("--evaluator"));
  }
}
