package dev.flagstream.benchmarks.throughput;

/**
 * What one scenario's measured run gave.
 *
 * @param requests requests answered with 200
 * @param failed requests answered otherwise, or not at all
 * @param seconds how long the load ran
 * @param p50Micros median latency, from the generator's side
 * @param p99Micros 99th percentile latency
 * @param evaluatorCpuSeconds CPU time the evaluator's process used meanwhile; negative where the
 *     operating system does not tell
 */
record Measured(
    Scenario scenario,
    long requests,
    long failed,
    double seconds,
    double p50Micros,
    double p99Micros,
    double evaluatorCpuSeconds) {

  double perSecond() {
    return requests / seconds;
  }

  /** Requests answered per second of the evaluator's CPU time: its throughput per core. */
  double perCpuSecond() {
    return evaluatorCpuSeconds > 0 ? requests / evaluatorCpuSeconds : Double.NaN;
  }

  /** The share of one core the evaluator used, on average. */
  double evaluatorCores() {
    return evaluatorCpuSeconds > 0 ? evaluatorCpuSeconds / seconds : Double.NaN;
  }
}
