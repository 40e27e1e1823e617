package dev.flagstream.benchmarks.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time so far, from Linux's {@code /proc/<pid>/stat}. */
final class ProcessCpu {
  /** Linux counts CPU time in clock ticks of 1/100 s on every architecture it runs on today. */
  private static final double TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  /** User and system CPU seconds of {@code pid}, or -1 where {@code /proc} is not readable. */
  static double seconds(long pid) {
    try {
      return seconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Reads utime and stime (fields 14 and 15) from a stat line. */
  static double seconds(String stat) {
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
    return ticks / TICKS_PER_SECOND;
  }
}
