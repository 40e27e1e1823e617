package dev.flagstream.benchmarks.throughput;

import java.util.List;

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
 * @param coresBusy how busy each core of the machine was meanwhile, 0 to 1; empty where the
 *     operating system does not tell
 */
record Measured(
    Scenario scenario,
    long requests,
    long failed,
    double seconds,
    double p50Micros,
    double p99Micros,
    double evaluatorCpuSeconds,
    List<Double> coresBusy) {

  Measured {
    coresBusy = List.copyOf(coresBusy);
  }

  /** The same figures with how busy each core was. */
  Measured withCoresBusy(List<Double> busy) {
    return new Measured(
        scenario, requests, failed, seconds, p50Micros, p99Micros, evaluatorCpuSeconds, busy);
  }

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
