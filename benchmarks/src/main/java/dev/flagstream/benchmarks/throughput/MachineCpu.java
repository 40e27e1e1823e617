package dev.flagstream.benchmarks.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How busy each core of the machine was between two readings of Linux's {@code /proc/stat}: to tell
 * whether the evaluator or the load generator's side was the limit.
 */
final class MachineCpu {
  private MachineCpu() {}

  /** Busy and total ticks of each core, in order; empty where {@code /proc/stat} is missing. */
  static List<long[]> read() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/stat")));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static List<long[]> parse(List<String> lines) {
    List<long[]> cores = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
      cores.add(new long[] {total - idle, total});
    }
    return cores;
  }

  /** Each core's busy share between two readings, 0 to 1. */
  static List<Double> busy(List<long[]> before, List<long[]> after) {
    List<Double> shares = new ArrayList<>();
    for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
      long total = after.get(i)[1] - before.get(i)[1];
      shares.add(total <= 0 ? 0 : (after.get(i)[0] - before.get(i)[0]) / (double) total);
    }
    return shares;
  }
}
