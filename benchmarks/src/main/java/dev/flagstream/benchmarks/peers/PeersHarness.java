package dev.flagstream.benchmarks.peers;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Flagstream beside the SDKs users would pick instead: runs {@link PeerEvaluationBenchmark} under
 * JMH with its allocation profiler, then writes the table, the raw figures and the bar chart that
 * docs/BENCHMARKS.md shows. {@code java -cp benchmarks/target/benchmarks.jar
 * dev.flagstream.benchmarks.Harness peers}, or {@code -Dharness=peers} with Maven.
 */
public final class PeersHarness {
  private PeersHarness() {}

  public static void main(String[] args) throws Exception {
    PeersReport report = run(PeersOptions.parse(args));
    System.out.print(report.markdown());
    System.out.println("Report, raw figures and chart written to " + report.out());
  }

  static PeersReport run(PeersOptions options) throws Exception {
    Options jmh =
        new OptionsBuilder()
            .include(PeerEvaluationBenchmark.class.getName() + "\\.")
            .warmupIterations(options.warmups())
            .warmupTime(TimeValue.milliseconds(options.millis()))
            .measurementIterations(options.iterations())
            .measurementTime(TimeValue.milliseconds(options.millis()))
            .forks(options.forks())
            .addProfiler(GCProfiler.class)
            .build();
    PeersReport report = new PeersReport(options.out(), results(new Runner(jmh).run()));
    report.write();
    return report;
  }

  private static List<PeersReport.Row> results(Iterable<RunResult> runs) throws RunnerException {
    List<PeersReport.Row> rows = new ArrayList<>();
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      Result<?> time = run.getPrimaryResult();
      Result<?> bytes = run.getSecondaryResults().get("gc.alloc.rate.norm");
      if (bytes == null) {
        throw new RunnerException("JMH reported no allocation for " + method);
      }
      rows.add(
          new PeersReport.Row(
              Sdk.of(method), time.getScore(), time.getScoreError(), bytes.getScore()));
    }
    return rows;
  }
}
