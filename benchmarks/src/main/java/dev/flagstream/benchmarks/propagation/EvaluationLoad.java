package dev.flagstream.benchmarks.propagation;

import java.net.http.HttpClient;
import java.util.List;

/** Services asking the evaluator about flags at a steady rate while the loaded phase runs. */
interface EvaluationLoad extends AutoCloseable {

  /**
   * Starts asking {@code perSecond} times a second for {@code seconds}: from {@code wrk} where it
   * is installed, since a generator inside the harness's JVM takes the CPU the services need on a
   * small machine; from the harness's own threads otherwise.
   */
  static EvaluationLoad start(
      HttpClient http,
      String evaluatorUrl,
      String serverKey,
      List<String> flags,
      int perSecond,
      int seconds) {
    if (WrkEvaluationLoad.installed()) {
      return new WrkEvaluationLoad(evaluatorUrl, serverKey, flags, perSecond, seconds);
    }
    return new ThreadedEvaluationLoad(http, evaluatorUrl, serverKey, flags, perSecond);
  }

  /** What asked, for the report. */
  String generator();

  /** Evaluations answered per second while the load ran; final once closed. */
  double achievedPerSecond();

  /** Requests not answered with 200; final once closed. */
  long failed();

  /** Stops asking, or waits for the generator to end, and settles the figures. */
  @Override
  void close();
}
