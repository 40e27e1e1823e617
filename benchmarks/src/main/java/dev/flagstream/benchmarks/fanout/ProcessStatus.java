package dev.flagstream.benchmarks.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What a process holds, as Linux tells it in {@code /proc}: resident memory, threads, open files
 * and how many it may open.
 *
 * @param residentBytes its resident set ({@code VmRSS})
 * @param threads its threads
 * @param openFiles the files and sockets it has open
 * @param maxOpenFiles how many it may have open ({@code RLIMIT_NOFILE})
 */
record ProcessStatus(long residentBytes, int threads, int openFiles, int maxOpenFiles) {

  static ProcessStatus of(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    List<String> status = Files.readAllLines(proc.resolve("status"));
    int open;
    try (Stream<Path> files = Files.list(proc.resolve("fd"))) {
      open = (int) files.count();
    }
    return new ProcessStatus(
        field(status, "VmRSS:") * 1024,
        (int) field(status, "Threads:"),
        open,
        maxOpenFiles(Files.readAllLines(proc.resolve("limits"))));
  }

  static long field(List<String> status, String name) {
    for (String line : status) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException("/proc status has no " + name);
  }

  /** The soft limit of {@code Max open files} in {@code /proc/<pid>/limits}. */
  static int maxOpenFiles(List<String> limits) {
    for (String line : limits) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
        return soft.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(soft);
      }
    }
    throw new IllegalStateException("/proc limits has no Max open files");
  }

  /** Samples a process's threads every few milliseconds until closed; the most it saw. */
  static final class ThreadPeak implements AutoCloseable {
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    ThreadPeak(long pid) {
      Path status = Path.of("/proc", Long.toString(pid), "status");
      sampler =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    peak.accumulateAndGet(
                        (int) field(Files.readAllLines(status), "Threads:"), Math::max);
                  } catch (IOException e) {
                    return; // the process is gone
                  }
                  LockSupport.parkNanos(5_000_000);
                }
              },
              "thread-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    int peak() {
      return peak.get();
    }

    @Override
    public void close() {
      running.set(false);
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
