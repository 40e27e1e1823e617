package dev.flagstream.benchmarks.peers;

import dev.flagstream.benchmarks.platform.Arguments;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run of the peers' comparison does, from {@code --name value} arguments; the defaults are
 * the run recorded in docs/BENCHMARKS.md.
 *
 * @param warmups warm-up iterations of each SDK
 * @param iterations measured iterations of each SDK
 * @param millis length of one iteration
 * @param forks JVMs each SDK runs in, one after the other; 0 runs them in this JVM (smoke runs)
 * @param out where the report, the raw figures and the chart go
 */
record PeersOptions(int warmups, int iterations, int millis, int forks, Path out) {
  static final PeersOptions DEFAULTS = new PeersOptions(5, 5, 1_000, 1, Path.of("target", "peers"));

  static PeersOptions parse(String... args) {
    Arguments given =
        Arguments.parse(
            List.of("--warmups", "--iterations", "--millis", "--forks"), List.of(), args);
    return new PeersOptions(
        Math.max(0, given.number("--warmups", DEFAULTS.warmups())),
        Math.max(1, given.number("--iterations", DEFAULTS.iterations())),
        Math.max(1, given.number("--millis", DEFAULTS.millis())),
        Math.max(0, given.number("--forks", DEFAULTS.forks())),
        given.out(DEFAULTS.out()));
  }
}
