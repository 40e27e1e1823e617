package dev.flagstream.benchmarks.throughput;

import java.util.List;

/** Loads the evaluator with one scenario's requests, as fast as it answers, for a while. */
interface Generator {

  /** What generates, for the report. */
  String name();

  /**
   * Sends {@code scenario}'s requests over the generator's connections for {@code seconds}, each
   * connection sending its next request as soon as the last is answered.
   *
   * @param evaluatorPid the evaluator's process, whose CPU time is read before and after
   */
  Measured run(Scenario scenario, List<String> flags, int seconds, long evaluatorPid);
}
