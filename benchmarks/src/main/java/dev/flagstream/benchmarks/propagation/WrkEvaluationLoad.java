package dev.flagstream.benchmarks.propagation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Services asking the evaluator at a steady rate from {@code wrk} (Debian's package), a load
 * generator written in C: on two cores, threads in the harness's JVM reached about 1,000 requests a
 * second beside the services, and an asynchronous JVM client fewer. wrk has no rate option, so each
 * connection waits between its requests: {@link #CONNECTION_RATE} requests a second per connection
 * at most, a little less by each answer's own latency (the achieved rate is reported).
 */
final class WrkEvaluationLoad implements EvaluationLoad {
  /** The most requests a second one connection is asked for. */
  static final int CONNECTION_RATE = 200;

  /** About how long the evaluator takes to answer on loopback while loaded, in milliseconds. */
  static final int ANSWER_MILLIS = 1;

  private static final Pattern SUMMARY =
      Pattern.compile("FLAGSTREAM requests=(\\d+) failed=(\\d+) micros=(\\d+)");

  private final Process wrk;
  private final int seconds;
  private final Path output;
  private long requests;
  private long failedRequests;
  private long micros;

  WrkEvaluationLoad(
      String evaluatorUrl, String serverKey, List<String> flags, int perSecond, int seconds) {
    this.seconds = seconds;
    Pace pace = Pace.of(perSecond);
    try {
      Path script = Files.createTempFile("flagstream-evaluations", ".lua");
      script.toFile().deleteOnExit();
      Files.writeString(script, script(serverKey, flags, pace.delayMillis()));
      // To a file rather than a pipe: read once wrk has ended, with no thread to drain it.
      output = Files.createTempFile("flagstream-wrk", ".txt");
      output.toFile().deleteOnExit();
      wrk =
          new ProcessBuilder(
                  "wrk",
                  "-t1",
                  "-c" + pace.connections(),
                  "-d" + seconds + "s",
                  "--timeout",
                  "10s",
                  "-s",
                  script.toString(),
                  evaluatorUrl)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start wrk", e);
    }
  }

  /** Whether {@code wrk} is on the PATH. */
  static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Connections and the wait between a connection's requests for a rate: a connection asks at most
   * {@link #CONNECTION_RATE} times a second, and its wait leaves out {@link #ANSWER_MILLIS} for the
   * answer, since wrk waits after each answer, not between sends.
   */
  record Pace(int connections, int delayMillis) {
    static Pace of(int perSecond) {
      int rate = Math.max(1, perSecond);
      int connections = (rate + CONNECTION_RATE - 1) / CONNECTION_RATE;
      long cycle = Math.round(connections * 1000.0 / rate);
      return new Pace(connections, (int) Math.max(1, cycle - ANSWER_MILLIS));
    }
  }

  /** The Lua script: each request a flag in turn for a new user; a summary line at the end. */
  static String script(String serverKey, List<String> flags, int delayMillis) {
    String names = flags.stream().map(flag -> "\"" + flag + "\"").collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        """
        local flags = {%s}
        local n = 0
        request = function()
          n = n + 1
          local flag = flags[(n %% #flags) + 1]
          return wrk.format("GET", "/api/flags/" .. flag .. "/evaluation?userId=user-" .. n,
            {["Authorization"] = "Bearer %s"})
        end
        delay = function()
          return %d
        end
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("FLAGSTREAM requests=%%d failed=%%d micros=%%d\\n", summary.requests,
            e.status + e.connect + e.read + e.write + e.timeout, summary.duration))
        end
        """,
        names,
        serverKey,
        delayMillis);
  }

  /** Reads wrk's summary line into {requests, failed, micros}. */
  static long[] summary(String output) {
    Matcher matcher = SUMMARY.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no summary: " + output.strip());
    }
    return new long[] {
      Long.parseLong(matcher.group(1)),
      Long.parseLong(matcher.group(2)),
      Long.parseLong(matcher.group(3))
    };
  }

  @Override
  public String generator() {
    return "wrk";
  }

  @Override
  public double achievedPerSecond() {
    return (requests - failedRequests) * 1e6 / Math.max(1, micros);
  }

  @Override
  public long failed() {
    return failedRequests;
  }

  @Override
  public void close() {
    try {
      if (!wrk.waitFor(seconds + 15L, TimeUnit.SECONDS)) {
        wrk.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      wrk.destroyForcibly();
      Thread.currentThread().interrupt();
      return;
    }
    long[] figures;
    try {
      figures = summary(Files.readString(output));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read wrk's output", e);
    }
    requests = figures[0];
    failedRequests = figures[1];
    micros = figures[2];
  }
}
