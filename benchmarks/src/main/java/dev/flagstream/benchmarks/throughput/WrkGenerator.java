package dev.flagstream.benchmarks.throughput;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load from {@code wrk} (Debian's package), written in C, so that the generator takes as little of
 * the machine as it can: one thread, a few connections, a Lua script that makes each request for a
 * new user and prints a summary line the harness reads.
 */
final class WrkGenerator implements Generator {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "FLAGSTREAM requests=(\\d+) failed=(\\d+) micros=(\\d+) p50=([\\d.]+) p99=([\\d.]+)");

  private final String evaluatorUrl;
  private final String clientKey;
  private final int connections;
  private final List<String> prefix;

  /**
   * @param prefix what runs wrk, e.g. {@code taskset -c 1} to keep it off the evaluator's core;
   *     empty to run it as is
   */
  WrkGenerator(String evaluatorUrl, String clientKey, int connections, List<String> prefix) {
    this.evaluatorUrl = evaluatorUrl;
    this.clientKey = clientKey;
    this.connections = connections;
    this.prefix = List.copyOf(prefix);
  }

  /** Whether {@code program} is on the PATH. */
  static boolean installed(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    String pinned = prefix.isEmpty() ? "" : " (" + String.join(" ", prefix) + ")";
    return "wrk, 1 thread, " + connections + " connections" + pinned;
  }

  @Override
  public Measured run(Scenario scenario, List<String> flags, int seconds, long evaluatorPid) {
    try {
      Path script = Files.createTempFile("flagstream-throughput", ".lua");
      Path output = Files.createTempFile("flagstream-wrk", ".txt");
      try {
        Files.writeString(script, script(scenario, clientKey, flags));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(
            List.of(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                evaluatorUrl));
        double cpuBefore = ProcessCpu.seconds(evaluatorPid);
        Process wrk =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
          wrk.destroyForcibly().waitFor();
          throw new IllegalStateException("wrk did not end within " + (seconds + 30) + " s");
        }
        double cpuAfter = ProcessCpu.seconds(evaluatorPid);
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return measured(scenario, Files.readString(output), cpu);
      } finally {
        Files.deleteIfExists(script);
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run wrk", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while wrk ran", e);
    }
  }

  /** The Lua script: each request for a new user; a summary line at the end. */
  static String script(Scenario scenario, String clientKey, List<String> flags) {
    String request =
        scenario.everyFlag()
            ? String.format(
                Locale.ROOT,
                "return wrk.format(\"POST\", \"%s\", headers, '{\"userId\":\"user-' .. n .. '\"}')",
                scenario.path())
            : "return wrk.format(\"GET\", \"/api/flags/\" .. flags[(n % #flags) + 1]"
                + " .. \"/evaluation?userId=user-\" .. n, headers)";
    String names = flags.stream().map(flag -> "\"" + flag + "\"").collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        """
        local flags = {%s}
        local headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
        local n = 0
        request = function()
          n = n + 1
          %s
        end
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("FLAGSTREAM requests=%%d failed=%%d micros=%%d p50=%%d p99=%%d\\n",
            summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
            summary.duration, latency:percentile(50), latency:percentile(99)))
        end
        """,
        names,
        clientKey,
        request);
  }

  /** Reads wrk's summary line. */
  static Measured measured(Scenario scenario, String output, double evaluatorCpuSeconds) {
    Matcher matcher = SUMMARY.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no summary: " + output.strip());
    }
    long requests = Long.parseLong(matcher.group(1));
    long failed = Long.parseLong(matcher.group(2));
    return new Measured(
        scenario,
        requests - failed,
        failed,
        Long.parseLong(matcher.group(3)) / 1e6,
        Double.parseDouble(matcher.group(4)),
        Double.parseDouble(matcher.group(5)),
        evaluatorCpuSeconds,
        List.of());
  }
}
