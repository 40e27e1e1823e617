package dev.flagstream.local.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * How much memory processes hold, read from Linux's {@code /proc}: empty elsewhere, or when a
 * process is gone.
 */
final class ProcessMemory {
  private static final Path PROC = Path.of("/proc");

  private ProcessMemory() {}

  /** The resident set size of one process ({@code VmRSS}), in bytes. */
  static OptionalLong residentBytes(long pid) {
    return field(PROC.resolve(pid + "/status"), "VmRSS:");
  }

  /**
   * The memory of a process and all its descendants, each shared page counted once: the sum of
   * their proportional set sizes ({@code Pss}). For a server of many processes sharing memory, as
   * PostgreSQL is, where adding resident set sizes would count the shared buffers many times.
   */
  static OptionalLong treeBytes(long pid) {
    List<Long> pids =
        Stream.concat(
                Stream.of(pid),
                ProcessHandle.of(pid).stream()
                    .flatMap(ProcessHandle::descendants)
                    .map(ProcessHandle::pid))
            .toList();
    long total = 0;
    boolean any = false;
    for (long each : pids) {
      OptionalLong proportional = field(PROC.resolve(each + "/smaps_rollup"), "Pss:");
      if (proportional.isPresent()) {
        total += proportional.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(total) : OptionalLong.empty();
  }

  /** How many processes {@link #treeBytes(long)} counts. */
  static long treeSize(long pid) {
    return 1 + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).count();
  }

  /** The value in kB of the line starting with {@code name}, in bytes. */
  static OptionalLong field(Path file, String name) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(line -> line.startsWith(name))
          .mapToLong(line -> Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]))
          .map(kilobytes -> kilobytes * 1024)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // not Linux, or the process is gone
    }
  }

  /** {@code 412 MB}, or {@code n/a}. */
  static String megabytes(OptionalLong bytes) {
    return bytes.isPresent() ? Math.round(bytes.getAsLong() / 1048576.0) + " MB" : "n/a";
  }
}
